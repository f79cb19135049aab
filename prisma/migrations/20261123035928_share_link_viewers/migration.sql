-- CreateTable
CREATE TABLE "ShareLinkView" (
    "shareLinkId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "viewerHash" TEXT NOT NULL,

    CONSTRAINT "ShareLinkView_pkey" PRIMARY KEY ("shareLinkId","day","viewerHash")
);

-- CreateIndex
CREATE INDEX "ShareLinkView_day_idx" ON "ShareLinkView"("day");

-- AddForeignKey
ALTER TABLE "ShareLinkView" ADD CONSTRAINT "ShareLinkView_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
