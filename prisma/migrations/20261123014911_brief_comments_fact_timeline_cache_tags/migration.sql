-- AlterTable
ALTER TABLE "Fact" ADD COLUMN     "acceptedTimeline" JSONB;

-- CreateTable
CREATE TABLE "BriefComment" (
    "id" TEXT NOT NULL,
    "briefId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BriefComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "revalidatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "BriefComment_briefId_createdAt_idx" ON "BriefComment"("briefId", "createdAt");

-- AddForeignKey
ALTER TABLE "BriefComment" ADD CONSTRAINT "BriefComment_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "Brief"("id") ON DELETE CASCADE ON UPDATE CASCADE;
