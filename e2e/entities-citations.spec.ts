import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, runId, signIn } from "./fixtures/accounts";
import { importArticle, nav, selectWords } from "./fixtures/workspace";

// A researcher cleans up after the extractor: two spellings of one company become one
// entity, a figure gets an attribute the workspace did not have yet, and a second article's
// words are cited for a claim that came from the first.
test.describe.configure({ mode: "serial" });

const id = runId();
const short = `Vireo${id}`;
const long = `Vireo${id} Robotics`;
const first = {
  title: `${long} lands $3 billion`,
  outlet: "Example Wire",
  publishedAt: "2026-05-04",
  text: `${long} said on Monday it had raised $3 billion from a group of investors.`,
};
const second = {
  title: `${short} funding confirmed`,
  outlet: "Other Daily",
  publishedAt: "2026-05-06",
  text: `${short} said on Tuesday that it raised $3 billion in new funding, people familiar with the matter said.`,
};
const attribute = `gross_bookings_${id}`;

async function openArticle(page: Page, title: string) {
  await nav(page, "Articles").click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

test("a researcher merges two spellings, extends the vocabulary and cites a claim from a second article", async ({ page }) => {
  await signIn(page, demo.researcher);
  await importArticle(page, first);
  await nav(page, "Articles").click();
  await importArticle(page, second);

  // Entities: both spellings are listed; merging keeps the short name and makes the long one its alias.
  await nav(page, "Entities").click();
  await page.getByLabel("Search entities").fill(`vireo${id}`);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByTestId("entity-row");
  await expect(rows).toHaveCount(2);
  const mergeBoth = async () => {
    await page.getByRole("checkbox", { name: `Select ${short}`, exact: true }).check();
    await page.getByRole("checkbox", { name: `Select ${long}`, exact: true }).check();
    await page.getByRole("button", { name: "Merge…" }).click();
    const confirm = page.getByRole("region", { name: /Merge 2 entities into one/ });
    await confirm.getByRole("radio", { name: short, exact: true }).check();
    await expect(confirm.getByRole("list", { name: "What will change" })).toContainText(`“${long}” will name “${short}” instead`);
    await confirm.getByRole("button", { name: `Merge into “${short}”` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Merged into “${short}”` })).toBeVisible();
    await expect(rows).toHaveCount(1);
  };
  await mergeBoth();
  // Undo brings both spellings back; merging again is what stays.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone" })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await mergeBoth();
  await expect(rows.first()).toContainText(short);
  await expect(rows.first()).toContainText(long);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // The second article's claim: confirmed, then given an attribute the vocabulary lacks, added from the form.
  await openArticle(page, second.title);
  const claim = page.getByTestId("claim").filter({ hasText: "“$3 billion”" }).first();
  await claim.getByRole("button", { name: /^Confirm/ }).click();
  await expect(claim.getByText("confirmed", { exact: true })).toBeVisible();
  await claim.getByRole("button", { name: /^Edit/ }).click();
  const form = claim.getByRole("form", { name: "Edit claim" });
  // The subject field finds the entity by its alias.
  const subject = form.getByRole("combobox", { name: "Subject" });
  await subject.fill(`${long}`);
  await expect(subject).toHaveAttribute("aria-expanded", "true");
  await expect(form.getByRole("option", { name: new RegExp(`^${short}.*also ${long}`) })).toBeVisible();
  await subject.press("ArrowDown");
  await subject.press("Enter");
  await expect(subject).toHaveValue(short);
  const attributeField = form.getByRole("combobox", { name: "Attribute" });
  await attributeField.fill(attribute.replaceAll("_", " "));
  await form.getByRole("option", { name: `Add “${attribute}” to the vocabulary` }).click();
  await expect(form.getByRole("status")).toContainText(`Added “${attribute}” to the workspace's vocabulary.`);
  await expect(attributeField).toHaveValue(attribute);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();
  await expect(claim).toContainText(`${short} · Gross bookings ${id}`);

  // The first article's words, cited for that claim.
  await openArticle(page, first.title);
  await selectWords(page, "it had raised $3 billion from a group of investors");
  await page.getByRole("button", { name: "Cite for an existing claim…" }).click();
  const picker = page.getByRole("region", { name: "Cite for an existing claim" });
  await picker.getByLabel("Find the claim").fill(`gross bookings ${id}`);
  await picker.getByRole("button", { name: `Cite for ${short} · Gross bookings ${id} · $3 billion` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Cited for ${short}` })).toBeVisible();
  await expect(page.getByTestId("cited-here")).toContainText("it had raised $3 billion from a group of investors");

  // The claim now lists both citations, each with its article.
  await openArticle(page, second.title);
  const cited = page.getByTestId("claim").filter({ hasText: "“$3 billion”" }).first();
  await expect(cited.getByTestId("citation")).toHaveCount(2);
  await expect(cited.getByRole("link", { name: first.title })).toBeVisible();
  await expect(cited.getByRole("link", { name: second.title })).toBeVisible();

  // The fact's page shows the second quote under the claim, naming the article it comes from.
  await nav(page, "Facts").click();
  await page.getByRole("link", { name: new RegExp(`^${short} · Gross bookings ${id}`, "i") }).click();
  await expect(page.getByTestId("other-article-citation")).toContainText(first.title);
});

test("the owner removes the attribute the researcher added to the vocabulary", async ({ page }) => {
  await signIn(page, demo.owner);
  await nav(page, "Settings").click();
  const added = page.getByTestId("vocabulary-attribute").filter({ hasText: attribute });
  await expect(added).toBeVisible();
  await added.getByRole("button", { name: `Remove ${attribute} from the vocabulary` }).click();
  await added.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Removed “${attribute}”` })).toBeVisible();
  await expect(page.getByTestId("vocabulary-attribute").filter({ hasText: attribute })).toHaveCount(0);
});
