import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { entityKey } from "@/lib/extract";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "./audit";
import { facts } from "./facts";

// An entity is every subject or counterparty key the workspace's claims use; an Entity row
// exists once a person has named it (by merging), and carries the aliases that now resolve
// to it. Keys without a row are listed under their most common spelling.

export type EntityRow = { id: string | null; key: string; name: string; aliases: string[]; claims: number };

type RawRow = { id: string | null; key: string; name: string; aliases: string[] | null; claims: bigint | number; total?: bigint | number };

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every key in use (claims not rejected) with its claim count, joined with the named entities. */
function entitiesSql(workspaceId: string, q: string) {
  const pattern = likePattern(q);
  return Prisma.sql`
    WITH used AS (
      SELECT "subjectKey" AS key, subject AS name FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND status <> 'rejected'
      UNION ALL
      SELECT "counterpartyKey", counterparty FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND status <> 'rejected' AND "counterpartyKey" <> ''
    ), counted AS (
      SELECT key, count(*) AS claims, mode() WITHIN GROUP (ORDER BY name) AS name FROM used GROUP BY key
    ), listed AS (
      SELECT e.id, coalesce(e.key, c.key) AS key, coalesce(e.name, c.name) AS name, coalesce(e.aliases, '{}') AS aliases, coalesce(c.claims, 0) AS claims
      FROM counted c FULL OUTER JOIN (SELECT * FROM "Entity" WHERE "workspaceId" = ${workspaceId}) e ON e.key = c.key
    )
    SELECT * FROM listed
    WHERE ${q} = '' OR name ILIKE ${pattern} OR key ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE a ILIKE ${pattern})`;
}

const toRow = (r: RawRow): EntityRow => ({ id: r.id, key: r.key, name: r.name, aliases: r.aliases ?? [], claims: Number(r.claims) });

export class EntityConflictError extends Error {}

type Moved = { id: string; factId: string | null; name: string | null; key: string };

/** What undoing a merge needs, kept in its audit event: claims as [id, previous name, previous key]. */
type MergeUndo = {
  survivorHadRow: boolean; aliasesBefore: string[]; aliasesAfter: string[];
  rows: { key: string; name: string; aliases: string[] }[];
  subjects: [string, string, string][]; counterparties: [string, string, string][];
};

/**
 * Confirmed claims whose keys changed move to the facts their keys now answer; every fact
 * they left or joined is recomputed. Returns how many facts were touched.
 */
async function regroup(tx: Tx, moved: Map<string, string | null>): Promise<number> {
  const touched = new Set([...moved.values()].filter((id): id is string => id != null));
  const confirmed = await tx.claim.findMany({
    where: { id: { in: [...moved.keys()] }, status: "confirmed" },
    select: { id: true, workspaceId: true, subject: true, subjectKey: true, attribute: true, counterpartyKey: true, basis: true, unit: true },
  });
  for (const claim of confirmed) touched.add(await facts.attach(tx, claim));
  for (const factId of touched) await facts.refreshState(tx, factId);
  return touched.size;
}

/** Alias keys → the entity they resolve to; an alias with the entity's own key needs no mapping. */
async function aliasMap(client: Tx | typeof db, workspaceId: string) {
  const named = await client.entity.findMany({ where: { workspaceId, aliases: { isEmpty: false } }, select: { key: true, name: true, aliases: true } });
  const map = new Map<string, { key: string; name: string }>();
  for (const e of named) {
    for (const alias of e.aliases) {
      const k = entityKey(alias);
      if (k && k !== e.key) map.set(k, { key: e.key, name: e.name });
    }
  }
  return map;
}

/** The lock a merge holds for its whole transaction, one per workspace. */
const mergeLockKey = (workspaceId: string) => `entities:${workspaceId}`;

export const entities = {
  /**
   * Taken by every write that resolves names (claim edits and additions, imports): it waits
   * for a merge in progress, so the aliases read after it include the merge's. Writes share
   * it with each other; only merges exclude. Take it before touching any claim row: a merge
   * takes it first and then locks claims, so the other order could deadlock.
   */
  async awaitMerges(tx: Tx, workspaceId: string) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${mergeLockKey(workspaceId)}))`;
  },


  /** One page of the workspace's entities, most used first, matching `q` in name, key or alias. */
  async list(workspaceId: string, opts: { q: string; page: number; pageSize: number }) {
    const sql = entitiesSql(workspaceId, opts.q);
    const offset = (opts.page - 1) * opts.pageSize;
    const rows = await db.$queryRaw<RawRow[]>`
      SELECT *, count(*) OVER () AS total FROM (${sql}) AS e
      ORDER BY claims DESC, lower(name), key LIMIT ${opts.pageSize} OFFSET ${offset}`;
    const total = rows[0]?.total != null ? Number(rows[0].total) : offset > 0 ? await entities.count(workspaceId, opts.q) : 0;
    return { rows: rows.map(toRow), total };
  },

  async count(workspaceId: string, q: string) {
    const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${entitiesSql(workspaceId, q)}) AS e`;
    return Number(row?.n ?? 0);
  },

  /** The most used entities, for the subject field's suggestions. */
  async options(workspaceId: string, limit = 1000): Promise<EntityRow[]> {
    const rows = await db.$queryRaw<RawRow[]>`SELECT * FROM (${entitiesSql(workspaceId, "")}) AS e ORDER BY claims DESC, lower(name), key LIMIT ${limit}`;
    return rows.map(toRow);
  },

  /**
   * The subject or counterparty a claim is saved with: a known alias becomes its entity's
   * name and key; anything else keeps the spelling given, keyed as usual.
   */
  async resolver(workspaceId: string, client: Tx | typeof db = db) {
    const map = await aliasMap(client, workspaceId);
    return (name: string): { name: string; key: string } => {
      const key = entityKey(name);
      return map.get(key) ?? { name, key };
    };
  },

  /** Points an imported article's untouched suggestions at the entities their aliases belong to. */
  async applyAliases(tx: Tx, workspaceId: string, articleId: string) {
    await entities.awaitMerges(tx, workspaceId);
    const map = await aliasMap(tx, workspaceId);
    if (map.size === 0) return;
    const aliasKeys = [...map.keys()];
    const keys = aliasKeys.map((k) => map.get(k)!.key);
    const names = aliasKeys.map((k) => map.get(k)!.name);
    await tx.$executeRaw`
      UPDATE "Claim" c SET subject = m.name, "subjectKey" = m.key
      FROM unnest(${aliasKeys}::text[], ${keys}::text[], ${names}::text[]) AS m(alias, key, name)
      WHERE c."articleId" = ${articleId} AND c.status = 'suggested' AND NOT c.edited AND c."subjectKey" = m.alias`;
    await tx.$executeRaw`
      UPDATE "Claim" c SET counterparty = m.name, "counterpartyKey" = m.key
      FROM unnest(${aliasKeys}::text[], ${keys}::text[], ${names}::text[]) AS m(alias, key, name)
      WHERE c."articleId" = ${articleId} AND c.status = 'suggested' AND NOT c.edited AND c."counterpartyKey" = m.alias`;
  },

  /**
   * Merges entities into the survivor in one transaction: its name stays, the others' names
   * and aliases become its aliases, every claim that named them as subject or counterparty
   * now names the survivor (version bumped, so an edit drafted before is refused), and the
   * confirmed ones move to the facts their new keys answer. Merges in one workspace run one
   * at a time; an entity that changed since the person looked is refused. Repeating a merge
   * that already happened changes nothing.
   */
  merge: (workspaceId: string, survivorKey: string, seen: { key: string; aliases: string[] }[], actorId: string) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${mergeLockKey(workspaceId)}))`;
      const keys = seen.map((e) => e.key);
      const others = keys.filter((k) => k !== survivorKey);
      const rows = await tx.entity.findMany({ where: { workspaceId, key: { in: keys } }, select: { id: true, key: true, name: true, aliases: true } });
      const rowByKey = new Map(rows.map((r) => [r.key, r]));
      const survivorRow = rowByKey.get(survivorKey) ?? null;

      // The same merge again: the others are already the survivor's aliases and nothing uses their keys.
      const aliasKeys = new Set((survivorRow?.aliases ?? []).map(entityKey));
      const inUse = new Set(
        (await tx.$queryRaw<{ key: string }[]>`
          SELECT DISTINCT k AS key FROM "Claim", unnest(ARRAY["subjectKey", "counterpartyKey"]) AS k
          WHERE "workspaceId" = ${workspaceId} AND status <> 'rejected' AND k = ANY(${keys}::text[])`).map((r) => r.key),
      );
      if (survivorRow && others.every((k) => !rowByKey.has(k) && !inUse.has(k) && aliasKeys.has(k))) {
        return { survivor: { key: survivorRow.key, name: survivorRow.name }, claims: 0, facts: 0, alreadyMerged: true, eventId: null };
      }
      const sameAliases = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
      for (const e of seen) {
        const row = rowByKey.get(e.key);
        if (row ? !sameAliases(row.aliases, e.aliases) : !inUse.has(e.key) || e.aliases.length > 0) throw new EntityConflictError(e.key);
      }

      // Names of keys without a row: their most common spelling, as the list shows them.
      const spellings = await tx.$queryRaw<{ key: string; name: string }[]>`
        SELECT key, mode() WITHIN GROUP (ORDER BY name) AS name FROM (
          SELECT "subjectKey" AS key, subject AS name FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND status <> 'rejected' AND "subjectKey" = ANY(${keys}::text[])
          UNION ALL
          SELECT "counterpartyKey", counterparty FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND status <> 'rejected' AND "counterpartyKey" = ANY(${keys}::text[])
        ) AS used GROUP BY key`;
      const nameOf = (k: string) => rowByKey.get(k)?.name ?? spellings.find((s) => s.key === k)?.name ?? k;
      const survivorName = nameOf(survivorKey);
      const merged = others.map((k) => ({ key: k, name: nameOf(k), aliases: rowByKey.get(k)?.aliases ?? [] }));

      // Each claim's previous name and key are returned for the audit event, so the merge can be undone.
      const bySubject = await tx.$queryRaw<Moved[]>`
        UPDATE "Claim" c SET subject = ${survivorName}, "subjectKey" = ${survivorKey}, version = c.version + 1, "updatedAt" = now()
        FROM (SELECT id, subject AS name, "subjectKey" AS key FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND "subjectKey" = ANY(${others}::text[]) FOR UPDATE) o
        WHERE c.id = o.id RETURNING c.id, c."factId", o.name, o.key`;
      const byCounterparty = await tx.$queryRaw<Moved[]>`
        UPDATE "Claim" c SET counterparty = ${survivorName}, "counterpartyKey" = ${survivorKey}, version = c.version + 1, "updatedAt" = now()
        FROM (SELECT id, counterparty AS name, "counterpartyKey" AS key FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND "counterpartyKey" = ANY(${others}::text[]) FOR UPDATE) o
        WHERE c.id = o.id RETURNING c.id, c."factId", o.name, o.key`;
      const moved = new Map([...bySubject, ...byCounterparty].map((c) => [c.id, c.factId]));
      const touched = await regroup(tx, moved);

      const aliases = [...new Set([...(survivorRow?.aliases ?? []), ...merged.flatMap((m) => [m.name, ...m.aliases])])].filter((a) => a !== survivorName);
      const survivor = survivorRow
        ? await tx.entity.update({ where: { id: survivorRow.id }, data: { aliases }, select: { id: true } })
        : await tx.entity.create({ data: { workspaceId, key: survivorKey, name: survivorName, aliases }, select: { id: true } });
      await tx.entity.deleteMany({ where: { workspaceId, key: { in: others } } });

      const undo: MergeUndo = {
        survivorHadRow: survivorRow != null, aliasesBefore: survivorRow?.aliases ?? [], aliasesAfter: aliases,
        rows: merged.filter((m) => rowByKey.has(m.key)).map((m) => ({ key: m.key, name: m.name, aliases: m.aliases })),
        subjects: bySubject.map((c) => [c.id, c.name ?? "", c.key]), counterparties: byCounterparty.map((c) => [c.id, c.name ?? "", c.key]),
      };
      const event = await audit.record(tx, {
        workspaceId, actorId, action: "entity.merged", targetType: "entity", targetId: survivor.id,
        data: { key: survivorKey, name: survivorName, merged, claims: moved.size, facts: touched, undo },
      });
      return { survivor: { key: survivorKey, name: survivorName }, claims: moved.size, facts: touched, alreadyMerged: false, eventId: event.id };
    }),

  /**
   * Undoes a merge recorded in the audit log: the merged keys get their entity rows back,
   * the survivor its aliases from before, and every claim the merge re-pointed that still
   * names the survivor gets its old name and key back (claims changed since stay as they
   * are). Refused when the survivor's aliases changed since; undoing twice changes nothing.
   */
  undoMerge: (workspaceId: string, eventId: string, actorId: string) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${mergeLockKey(workspaceId)}))`;
      const event = await tx.auditEvent.findFirst({ where: { id: eventId, workspaceId, action: "entity.merged" }, select: { id: true, data: true } });
      const data = event?.data as { key: string; name: string; undo?: MergeUndo } | null | undefined;
      if (!event || !data?.undo) return { outcome: "not_found" as const };
      const done = await tx.auditEvent.count({ where: { workspaceId, action: "entity.merge_undone", targetId: event.id } });
      if (done) return { outcome: "already" as const, name: data.name, claims: 0 };

      const { undo, key: survivorKey } = data;
      const survivor = await tx.entity.findUnique({ where: { workspaceId_key: { workspaceId, key: survivorKey } }, select: { id: true, aliases: true } });
      const reappeared = await tx.entity.count({ where: { workspaceId, key: { in: undo.rows.map((r) => r.key) } } });
      const sameAliases = survivor && survivor.aliases.length === undo.aliasesAfter.length && survivor.aliases.every((a, i) => a === undo.aliasesAfter[i]);
      if (!sameAliases || reappeared) throw new EntityConflictError(survivorKey);

      const restore = async (column: "subject" | "counterparty", rows: [string, string, string][]) => {
        if (!rows.length) return [] as Moved[];
        const [ids, names, keys] = [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])];
        return column === "subject"
          ? tx.$queryRaw<Moved[]>`
              UPDATE "Claim" c SET subject = u.name, "subjectKey" = u.key, version = c.version + 1, "updatedAt" = now()
              FROM unnest(${ids}::text[], ${names}::text[], ${keys}::text[]) AS u(id, name, key)
              WHERE c.id = u.id AND c."workspaceId" = ${workspaceId} AND c."subjectKey" = ${survivorKey} RETURNING c.id, c."factId", u.name, u.key`
          : tx.$queryRaw<Moved[]>`
              UPDATE "Claim" c SET counterparty = u.name, "counterpartyKey" = u.key, version = c.version + 1, "updatedAt" = now()
              FROM unnest(${ids}::text[], ${names}::text[], ${keys}::text[]) AS u(id, name, key)
              WHERE c.id = u.id AND c."workspaceId" = ${workspaceId} AND c."counterpartyKey" = ${survivorKey} RETURNING c.id, c."factId", u.name, u.key`;
      };
      const restored = [...(await restore("subject", undo.subjects)), ...(await restore("counterparty", undo.counterparties))];
      const moved = new Map(restored.map((c) => [c.id, c.factId]));
      const touched = await regroup(tx, moved);

      if (undo.survivorHadRow) await tx.entity.update({ where: { id: survivor.id }, data: { aliases: undo.aliasesBefore } });
      else await tx.entity.delete({ where: { id: survivor.id } });
      if (undo.rows.length) await tx.entity.createMany({ data: undo.rows.map((r) => ({ workspaceId, key: r.key, name: r.name, aliases: r.aliases })) });

      await audit.record(tx, {
        workspaceId, actorId, action: "entity.merge_undone", targetType: "audit_event", targetId: event.id,
        data: { key: survivorKey, name: data.name, claims: moved.size, skipped: undo.subjects.length + undo.counterparties.length - restored.length, facts: touched },
      });
      return { outcome: "undone" as const, name: data.name, claims: moved.size };
    }),
};
