import { expect, test } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { importArticle, selectWords } from "./fixtures/workspace";

// Editing a suggestion (with a clear message for a value that is not a number), and adding a
// claim by selecting words in the article: the selection is the citation, the form is
// pre-filled by the extractor, and the claim is confirmed at once.
test.describe.configure({ mode: "serial" });

const id = runId();
const company = `Kestrel${id} Labs`;
const article = {
  title: `${company} raises $3 billion`,
  outlet: "Example Wire",
  publishedAt: "2026-05-04",
  text: `${company} said on Monday it had raised $3 billion from a group of investors. Kestrel${id} said revenue reached $400 million last year.`,
};

test("a researcher edits a suggestion, then adds a claim by selecting words", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, article);

  // Edit: a value that is not a number is refused next to its field; a good one is saved.
  const claim = page.getByTestId("claim").filter({ hasText: "“$3 billion”" }).first();
  await claim.getByRole("button", { name: /^Edit/ }).click();
  const form = claim.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Value").fill("three billion");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Enter a number like 122000000000 or 1.5")).toBeVisible();
  await form.getByLabel("Value").fill("3000000000");
  await form.getByLabel("Attribute").fill("funding_round_size");
  await form.getByLabel("Modality").selectOption("completed");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();
  await expect(claim.getByText("edited", { exact: true })).toBeVisible();
  await expect(claim).toContainText("completed");

  // Add: select a sentence; the extractor's reading pre-fills the form.
  // (The extractor reads only the selection, so it needs the subject's name in it.)
  await selectWords(page, `Kestrel${id} said revenue reached $400 million last year`);
  await page.getByRole("button", { name: "Add claim" }).click();
  const add = page.getByRole("form", { name: "Add a claim from the selection" });
  await expect(add).toBeVisible();
  await expect(add.getByLabel("Subject")).toHaveValue(`Kestrel${id}`);
  await expect(add.getByLabel("Attribute")).toHaveValue("revenue");
  await expect(add.getByLabel("Value")).toHaveValue("400000000");
  await add.getByLabel("Subject").fill(company);
  await add.getByRole("button", { name: "Add claim" }).click();
  await expect(add).toBeHidden();
  const added = page.getByTestId("claim").filter({ hasText: "“$400 million”" }).filter({ hasText: "confirmed" });
  await expect(added).toHaveCount(1);

  // It survives a reload: saved, confirmed and highlighted in the text.
  await page.reload();
  await expect(page.getByTestId("claim").filter({ hasText: "“$400 million”" }).filter({ hasText: "confirmed" })).toHaveCount(1);
  await expect(page.getByTestId("claim").filter({ hasText: "“$3 billion”" }).first()).toContainText("edited");
});
