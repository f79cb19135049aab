-- AlterTable
ALTER TABLE "Brief" ADD COLUMN     "allowIndexing" BOOLEAN NOT NULL DEFAULT false;
