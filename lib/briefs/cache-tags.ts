// The cache tag of a brief's reader page: revalidated (in Postgres, for every app instance)
// when a version is published, a link revoked, or the indexing setting changed.
export const READER_TAG_PREFIX = "brief-reader:";
export const readerTag = (briefId: string) => `${READER_TAG_PREFIX}${briefId}`;
