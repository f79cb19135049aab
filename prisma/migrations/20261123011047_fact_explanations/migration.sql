-- CreateTable
CREATE TABLE "FactExplanation" (
    "id" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "valueKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactExplanation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FactExplanation_factId_valueKey_key" ON "FactExplanation"("factId", "valueKey");

-- AddForeignKey
ALTER TABLE "FactExplanation" ADD CONSTRAINT "FactExplanation_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
