// The data-cache tag of a brief's reader page: invalidated when a version is published, a
// link revoked, or the indexing setting changed.
export const readerTag = (briefId: string) => `brief-reader:${briefId}`;
