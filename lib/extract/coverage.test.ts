import { describe, expect, it } from "vitest";
import { extractClaims, type Suggestion } from "./index";

// Issue 4, item 2, on texts that are not in the labelled sets: each form and each attribute.
const published = { publishedAt: new Date("2026-03-02T12:00:00Z") };

type Want = Partial<Suggestion> & { valueText: string };

const CASES: Array<{ name: string; text: string; want: Want[]; absent?: string[] }> = [
  {
    name: "money forms",
    text: "Zeta raised $1.4 trillion. Omni raised US$5bn. Kappa raised €830 million. Lumo raised $100B+. Nexa raised ~$505B.",
    want: [
      { valueText: "$1.4 trillion", value: "1400000000000", unit: "USD", subject: "Zeta", attribute: "funding_round_size" },
      { valueText: "US$5bn", value: "5000000000", unit: "USD", subject: "Omni" },
      { valueText: "€830 million", value: "830000000", unit: "EUR", subject: "Kappa" },
      { valueText: "$100B+", value: "100000000000", subject: "Lumo" },
      { valueText: "$505B", value: "505000000000", subject: "Nexa", modality: "approximately" },
    ],
  },
  {
    name: "ranges",
    text: "Orbit expects revenue of between $2 and $5 billion. Vexa guided capital expenditures of $115-135B.",
    want: [
      { valueText: "$2 and $5 billion", low: "2000000000", high: "5000000000", value: null, attribute: "revenue", subject: "Orbit" },
      { valueText: "$115-135B", low: "115000000000", high: "135000000000", attribute: "capital_expenditure", subject: "Vexa" },
    ],
  },
  {
    name: "a store or a price that closes is no funding round",
    text: "Comparable sales at Larkspur, which strip out stores opened or closed during the year, rose 3.8%. Larkspur's shares slipped to a closing price of $63.80. Fennick closed a $50 million round.",
    want: [
      { valueText: "3.8%", attribute: "revenue_change", subject: "Larkspur" },
      { valueText: "$50 million", attribute: "funding_round_size", subject: "Fennick" },
    ],
  },
  {
    name: "rupees, relative quarters and half-years, percentage ranges with between",
    text: "Sahyadri DataParks raised Rs 5,900 crore of loans for Taloja One. The deal should close in the first quarter of next year. Taloja One will start building in the second half of this year and charge between 6% and 8% more.",
    want: [
      { valueText: "Rs 5,900 crore", value: "59000000000", unit: "INR", subject: "Sahyadri DataParks" },
      { valueText: "first quarter of next year", low: "2027-01-01", high: "2027-03-31", subject: "Sahyadri DataParks" },
      { valueText: "6% and 8%", low: "6", high: "8", value: null },
    ],
  },
  {
    name: "sub-units of a currency",
    text: "Halden will pay 312 pence per share for Corvo. Shares in Corvo jumped 34% to 306p.",
    want: [
      { valueText: "312 pence", value: "3.12", unit: "GBP", attribute: "offer_price", subject: "Corvo", counterparty: "Halden" },
      { valueText: "306p", value: "3.06", unit: "GBP", attribute: "share_price", subject: "Corvo" },
      { valueText: "34%", value: "34", attribute: "share_price_change", subject: "Corvo" },
    ],
  },
  {
    name: "percentage changes are signed and say what changed",
    text: "Pyra said revenue rose 14% to $11.3 billion. Its shares fell 2.1% on Tuesday. The median deal size was 18% lower than a year ago.",
    want: [
      { valueText: "14%", attribute: "revenue_change", value: "14", subject: "Pyra" },
      { valueText: "$11.3 billion", attribute: "revenue", subject: "Pyra" },
      { valueText: "2.1%", attribute: "share_price_change", value: "-2.1" },
      { valueText: "18%", value: "-18" },
    ],
  },
  {
    name: "quantities: capacity, chips, users, headcount",
    text: "Helix will supply Quill with 1.5 GW of computing power. Quill bought 250,000 GPUs and now has 40 million users and 3,100 employees.",
    want: [
      { valueText: "1.5 GW", attribute: "compute_capacity", unit: "GW", subject: "Quill", counterparty: "Helix" },
      { valueText: "250,000", attribute: "chip_count", unit: "count", subject: "Quill" },
      { valueText: "40 million", attribute: "users", value: "40000000", subject: "Quill" },
      { valueText: "3,100", attribute: "headcount", subject: "Quill" },
    ],
  },
  {
    name: "multiples, not idioms",
    text: "Sorel's new round is roughly triple the $40 billion it raised in March of last year. Investors are doubling down on the sector.",
    want: [
      { valueText: "triple", attribute: "funding_round_size_multiple", value: "3", unit: "multiple", subject: "Sorel", modality: "approximately" },
      { valueText: "March of last year", attribute: "closing_date", low: "2025-03-01", high: "2025-03-31", value: null },
    ],
    absent: ["doubling"],
  },
  {
    name: "dates: relative, quarters, as-of brackets",
    text: "Tarn announced the deal on the 27th of last month. Tarn is preparing a Q4 2026 IPO. Tarn's revenue hit $4B (July 2025).",
    want: [
      { valueText: "27th of last month", attribute: "announcement_date", value: "2026-02-27", subject: "Tarn" },
      { valueText: "Q4 2026", attribute: "ipo_date", low: "2026-10-01", high: "2026-12-31", subject: "Tarn" },
      { valueText: "$4B", attribute: "revenue", asOf: "2025-07-01" },
    ],
    absent: ["July 2025"],
  },
  {
    name: "stake, market share, investment with counterparty",
    text: "Brava invested $3 billion for a 12% stake in Cyra. Cyra holds 9% market share.",
    want: [
      { valueText: "$3 billion", attribute: "investment_amount", subject: "Cyra", counterparty: "Brava" },
      { valueText: "12%", attribute: "stake", subject: "Cyra", counterparty: "Brava" },
      { valueText: "9%", attribute: "market_share", subject: "Cyra" },
    ],
  },
  {
    name: "'the company', 'it' and NVIDIA/Nvidia are resolved",
    text: "NVIDIA reported results on Wednesday. The company said revenue reached $44 billion. It also plans a $50 billion buyback. Nvidia employs 36,000 people.",
    want: [
      { valueText: "$44 billion", subject: "Nvidia", attribute: "revenue" },
      { valueText: "$50 billion", subject: "Nvidia", attribute: "buyback" },
      { valueText: "36,000", subject: "Nvidia", attribute: "headcount" },
    ],
  },
  {
    name: "a name given in full, then shortened, is one company",
    text: "Marlow Semiconductor reported revenue of $9 billion. Marlow expects $10 billion next quarter.",
    want: [
      { valueText: "$9 billion", subject: "Marlow Semiconductor" },
      { valueText: "$10 billion", subject: "Marlow Semiconductor" },
    ],
  },
  {
    name: "groups and sectors",
    text: "Combined capital expenditures from Alpha, Beta and Gamma are projected to reach $300 billion. Venture funding for generative AI hit $50 billion.",
    want: [
      { valueText: "$300 billion", subject: "Alpha, Beta and Gamma", attribute: "capital_expenditure", modality: "estimate" },
      { valueText: "$50 billion", subject: "generative AI" },
    ],
  },
  {
    name: "a figure repeated elsewhere takes its plain meaning",
    text: "$852 Billion and Rising\nAcme closed its round at a post-money valuation of $852 billion.",
    want: [
      { valueText: "$852 Billion", attribute: "valuation_post_money", subject: "Acme" },
      { valueText: "$852 billion", attribute: "valuation_post_money", subject: "Acme" },
    ],
  },
  {
    name: "datelines and bylines are not claims",
    text: "By Ana Ruiz | November 20, 2025\nLONDON, 3 March 2026\nDelta raised $1 billion.",
    want: [{ valueText: "$1 billion", subject: "Delta" }],
    absent: ["November 20, 2025", "3 March 2026"],
  },
  {
    name: "other currencies by ISO code, and crowns by country",
    text: "Halvard Energi raised NOK 3.1 billion from investors. Pelion sold its stake for 900 million ZAR. Shares in Skarve Bank closed at 218 Swedish kronor.",
    want: [
      { valueText: "NOK 3.1 billion", value: "3100000000", unit: "NOK", subject: "Halvard Energi" },
      { valueText: "900 million ZAR", value: "900000000", unit: "ZAR" },
      { valueText: "218 Swedish kronor", value: "218", unit: "SEK", attribute: "share_price", subject: "Skarve Bank" },
    ],
    absent: ["NOK", "ZAR"],
  },
  {
    name: "a month named relative to the article's date",
    // published 2 March 2026: "last March" is March 2025, "next October" October 2026
    text: "Lyra's Series A round closed last March. Lyra will launch the app next October. Orla raised $20 million last March.",
    want: [
      { valueText: "last March", low: "2025-03-01", high: "2025-03-31" },
      { valueText: "next October", low: "2026-10-01", high: "2026-10-31" },
      { valueText: "$20 million", asOf: "2025-03-01" },
    ],
  },
  {
    name: "half-years are ranges of six months",
    text: "Quorra expects the deal to close in the second half of 2027. Pavo plans an IPO in H1 2027.",
    want: [
      { valueText: "second half of 2027", low: "2027-07-01", high: "2027-12-31", attribute: "closing_date", subject: "Quorra" },
      { valueText: "H1 2027", low: "2027-01-01", high: "2027-06-30", attribute: "ipo_date", subject: "Pavo" },
    ],
  },
  {
    name: "times of day are not counts; ships, copies and an analyst's price target are figures",
    text: "Shares in Talvik fell 6% to $41.20 by 1030 GMT. Talvik took delivery of 14 vessels last year and its games sold 28 million copies. An analyst at Rendal Securities cut his price target on Talvik to $38 from $45.",
    want: [
      { valueText: "14", value: "14", unit: "count", subject: "Talvik" },
      { valueText: "28 million", value: "28000000", unit: "count" },
      { valueText: "$38", attribute: "share_price", modality: "estimate", subject: "Talvik" },
      { valueText: "$45", attribute: "share_price", subject: "Talvik" },
    ],
    absent: ["1030"],
  },
  {
    name: "\"the companies\" are the parties already named, not a population",
    text: "Corvo and Pellan agreed to merge on Monday. The companies expect annual cost savings of $150 million.",
    want: [{ valueText: "$150 million", attribute: "cost_savings" }],
    absent: [],
  },
  {
    name: "\"the drugmaker\", \"the airline\": sector nouns that stand for the company",
    text: "Corvane Pharma reported results on Tuesday. Unlike Brackwell, the drugmaker expects revenue of $2.1 billion this year.",
    want: [{ valueText: "$2.1 billion", subject: "Corvane Pharma", attribute: "revenue" }],
  },
  {
    name: "subscribers added are a change; costs cut by an amount are savings",
    text: "Shares of Streamly rose 3% on Friday. Streamly added 9.2 million net new subscribers in the quarter. Halvex plans to cut costs by $1.5 billion by 2028. Kora added 500 stores to its plan.",
    want: [
      { valueText: "9.2 million", subject: "Streamly", attribute: "users_change", value: "9200000" },
      { valueText: "$1.5 billion", subject: "Halvex", attribute: "cost_savings", value: "1500000000" },
      { valueText: "500", attribute: "count", value: "500" },
    ],
  },
  {
    name: "masses in tonnes, with their unit; a mine's output in tonnes is its production capacity",
    text: "Shares of Kestrel Copper rose 2%. The project will lift Kestrel Copper's annual production capacity to 260,000 tonnes by 2029, from 175,000 tonnes now.",
    want: [
      { valueText: "260,000 tonnes", value: "260000", unit: "tonnes", attribute: "production_capacity", subject: "Kestrel Copper" },
      { valueText: "175,000 tonnes", value: "175000", unit: "tonnes", attribute: "production_capacity" },
    ],
  },
  {
    name: "a share of the workforce cut is a fall in headcount; a share people make up is not a rise",
    text: "Shares of Orrin Maritime fell 9%. Women make up 40% of its staff. The group said it would cut about 1,500 office jobs, or roughly 4% of its shore-based staff.",
    want: [
      { valueText: "40%", attribute: "percentage", value: "40" },
      { valueText: "4%", attribute: "headcount_change", value: "-4", subject: "Orrin Maritime" },
    ],
  },
  {
    name: "a name inside an appositive describes the name before it",
    text: "Nimbra Bio, a spin-out of Halden University backed by Corvex Capital, has raised $40 million in a Series B round.",
    want: [{ valueText: "$40 million", subject: "Nimbra Bio", attribute: "funding_round_size" }],
  },
  {
    name: "a wire dateline opening the first sentence is not a claim",
    text: "OSLO, Feb 12 (Wire) - Fenrik Robotics raised $90 million in a Series B round on Thursday.\n\nBERGEN, Norway, 14 February 2026 - Skarv Labs, a spin-out of the Bergen Institute, raised $12 million. It will spend $3 million on two projects in West Africa.",
    want: [
      { valueText: "$90 million", subject: "Fenrik Robotics", attribute: "funding_round_size" },
      { valueText: "$12 million", subject: "Skarv Labs" },
      { valueText: "$3 million", subject: "Skarv Labs" },
    ],
    absent: ["Feb 12", "14 February 2026"],
  },
  {
    name: "money that buys a stake is an investment in the company the stake is in",
    text: "Marrow Capital will spend $640 million to take a 12% stake in Quillon Foods, the two said.",
    want: [
      { valueText: "$640 million", subject: "Quillon Foods", attribute: "investment_amount", counterparty: "Marrow Capital" },
      { valueText: "12%", subject: "Quillon Foods", attribute: "stake", counterparty: "Marrow Capital" },
    ],
  },
  {
    name: "a headline calling a company by its short name, over a story that names it in full",
    text: "Investors pile into copper miner Corrigan as prices climb\n\nCorrigan Minerals said on Monday it would spend A$1.2 billion on its Bell Creek mine. Corrigan expects copper output to rise 40%.",
    want: [
      { valueText: "A$1.2 billion", subject: "Corrigan Minerals" },
      { valueText: "40%", subject: "Corrigan Minerals" },
    ],
  },
];

describe("coverage of issue 4, item 2", () => {
  it.each(CASES)("$name", ({ text, want, absent }) => {
    const got = extractClaims(text, published);
    for (const w of want) {
      const candidates = got.filter((s) => s.valueText === w.valueText && (w.counterparty === undefined || s.counterparty === w.counterparty));
      expect(candidates, `${w.valueText} in ${JSON.stringify(got.map((s) => [s.valueText, s.subject, s.attribute, s.value ?? `${s.low}..${s.high}`, s.counterparty]))}`).not.toHaveLength(0);
      expect(candidates[0]).toMatchObject(w);
    }
    for (const a of absent ?? []) expect(got.map((s) => s.valueText)).not.toContain(a);
    // A generic plural is never a subject of its own ("companies", "firms").
    for (const s of got) expect(s.subject).not.toMatch(/^(?:companies|firms|groups)$/i);
    for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.valueText);
  });
});

describe("meaning and subject of single figures", () => {
  it("does not read a closing share price as a funding round", () => {
    const got = extractClaims("Larkspur's shares slipped to a closing price of $63.80 on Monday.", published);
    const price = got.find((s) => s.valueText === "$63.80");
    expect(price).toBeDefined();
    expect(price?.attribute).not.toBe("funding_round_size");
  });

  it("reads the measure of a change through a date, for the level it reaches", () => {
    const got = extractClaims(
      "Larkspur posted results. Revenue for the quarter ended Oct. 31 rose 18% to $412.7 million, ahead of the $405.2 million analysts had expected.",
      published,
    );
    expect(got.find((s) => s.valueText === "$412.7 million")).toMatchObject({ attribute: "revenue", subject: "Larkspur" });
  });

  it("reads the change verb after a date that qualifies the measure", () => {
    const got = extractClaims("Larkspur said sales in the nine weeks to Jan. 2 rose 2.9% to $6.42 billion.", published);
    expect(got.find((s) => s.valueText === "2.9%")).toMatchObject({ attribute: "revenue_change", subject: "Larkspur", value: "2.9" });
  });

  it("does not take a project named in the sentence before for 'the group'", () => {
    const text =
      "Vallora Energia plans to add 16 GW by 2030. The largest single project is Scilla Offshore, a 600 MW floating wind farm off Calabria, which Vallora expects to switch on in 2029.\n\nThe group expects core earnings of €5.4 billion this year. It will pay a dividend of €0.42 per share.";
    const got = extractClaims(text, published);
    expect(got.find((s) => s.valueText === "600 MW")?.subject).toBe("Scilla Offshore");
    expect(got.find((s) => s.valueText === "€5.4 billion")?.subject).toBe("Vallora Energia");
    expect(got.find((s) => s.valueText === "€0.42")?.subject).toBe("Vallora Energia");
  });

  it("still takes a wind-farm developer for a company", () => {
    const text = "Orsted said costs rose. Brightmoor, a wind farm developer, raised €400 million. The group expects revenue of €1.2 billion.";
    expect(extractClaims(text, published).find((s) => s.valueText === "€1.2 billion")?.subject).toBe("Brightmoor");
  });

  it("dates a plant's start-up: 'come online', 'switch on', 'go live'", () => {
    const got = extractClaims("Brightmoor said its Tarn plant would come online in the first quarter of 2027, and expects to switch on a second in the second half of 2029.", published);
    expect(got.find((s) => s.valueText === "first quarter of 2027")).toMatchObject({ attribute: "launch_date", subject: "Brightmoor", low: "2027-01-01" });
    expect(got.find((s) => s.valueText === "second half of 2029")).toMatchObject({ attribute: "launch_date", low: "2029-07-01" });
  });

  it("reads a measure through its acronym in parentheses", () => {
    const got = extractClaims("Vallora said costs rose. The group expects core earnings (EBITDA) to rise to between €6.8 billion and €7.1 billion in 2030 from €5.4 billion this year.", published);
    expect(got.find((s) => s.valueText === "€6.8 billion and €7.1 billion")).toMatchObject({ attribute: "ebitda", subject: "Vallora", low: "6800000000" });
  });

  it("reads percentage points as a change of a rate, never of a share price or an amount", () => {
    const got = extractClaims(
      "Nordvik's load factor, the share of available seats it sold, rose 2.3 percentage points to 88.6%. Its operating margin improved 1.1 percentage points to 9.6%.",
      published,
    );
    expect(got.find((s) => s.valueText === "2.3 percentage points")).toMatchObject({ attribute: "change", value: "2.3" });
    expect(got.find((s) => s.valueText === "1.1 percentage points")).toMatchObject({ attribute: "operating_margin_change", value: "1.1" });
  });

  it("reads won after a scaled or grouped number as the Korean currency, and a rights offering as an equity offering", () => {
    const got = extractClaims("Hanbit Chem said it would raise 950 billion won through a rights offering. It will pay 1,250 won per share. The club, founded in 2011 won the cup.", published);
    expect(got.find((s) => s.valueText === "950 billion won")).toMatchObject({ unit: "KRW", value: "950000000000", attribute: "equity_offering", subject: "Hanbit Chem" });
    expect(got.find((s) => s.valueText === "1,250 won")).toMatchObject({ unit: "KRW", value: "1250" });
    expect(got.some((s) => s.valueText.includes("2011 won"))).toBe(false);
  });

  it("dates a start of production: 'starts up', 'begin mass production'", () => {
    const got = extractClaims(
      "Ostra Bio said its new mill would crush 2 million tonnes a year once it starts up in the third quarter of 2027. Its second line is scheduled to begin mass production in the second half of 2028.",
      published,
    );
    expect(got.find((s) => s.valueText === "third quarter of 2027")).toMatchObject({ attribute: "launch_date", low: "2027-07-01" });
    expect(got.find((s) => s.valueText === "second half of 2028")).toMatchObject({ attribute: "launch_date", low: "2028-07-01" });
  });

  it("keeps quantities quoted with their unit: litres, hectares, barrels, tonnes", () => {
    const got = extractClaims("Ostra Bio produced 1.4 billion litres of ethanol from 210,000 hectares of cane. Its refinery runs 85,000 barrels a day and crushed 12.5 million tonnes.", published);
    expect(got.find((s) => s.valueText === "1.4 billion litres")).toMatchObject({ unit: "litres", value: "1400000000" });
    expect(got.find((s) => s.valueText === "210,000 hectares")).toMatchObject({ unit: "hectares", value: "210000" });
    expect(got.find((s) => s.valueText === "85,000 barrels")).toMatchObject({ unit: "barrels", value: "85000" });
    expect(got.find((s) => s.valueText === "12.5 million tonnes")).toMatchObject({ unit: "tonnes", value: "12500000" });
  });

  it("joins 'between 30 and 35 GWh' into one range", () => {
    const got = extractClaims("Hanbit Chem said the plant would make between 30 and 35 GWh of cells a year.", published);
    expect(got.find((s) => s.unit === "GWh")).toMatchObject({ valueText: "30 and 35 GWh", low: "30", high: "35" });
  });

  it("takes the place in 'Calgary-based' for a place, not a company", () => {
    const got = extractClaims("Northcrest Financial agreed to buy Calgary-based Harbourview Insurance Group for C$2.1 billion.", published);
    expect(got.find((s) => s.valueText === "C$2.1 billion")?.subject).toBe("Harbourview Insurance Group");
  });

  it("does not take a business noun that opens a sentence for a company", () => {
    const got = extractClaims("Ostra Bio sold a green bond. Proceeds will fund a R$3.2 billion plant. Output reached 95,000 barrels a day.", published);
    expect(got.find((s) => s.valueText === "R$3.2 billion")?.subject).toBe("Ostra Bio");
    expect(got.find((s) => s.valueText === "95,000 barrels")?.subject).toBe("Ostra Bio");
  });

  it("does not take an acronym glossing a term in brackets for a company", () => {
    const text =
      "Hanbit Chem to build LFP lines\n\nHanbit Chem will spend ₩2 trillion on lithium iron phosphate (LFP) battery lines. LFP cells cost less, and the lines will make 20 GWh a year for Norland Motors (NM).";
    const got = extractClaims(text, published);
    expect(got.find((s) => s.valueText === "₩2 trillion")?.subject).toBe("Hanbit Chem");
    expect(got.some((s) => s.subject === "LFP" || s.counterparty === "LFP")).toBe(false);
  });

  it("finds a multiple of a named measure or company ('2.4 times book value'), not a frequency", () => {
    const got = extractClaims("Analysts said Northcrest is paying 2.4 times Harbourview's book value, against 1.8 times book value for past deals. The board meets three times a year.", published);
    expect(got.find((s) => s.valueText === "2.4 times")).toMatchObject({ value: "2.4", unit: "multiple" });
    expect(got.find((s) => s.valueText === "1.8 times")).toMatchObject({ value: "1.8", unit: "multiple" });
    expect(got.some((s) => s.valueText === "three times")).toBe(false);
  });

  it("takes a name cut short ('Marjan Sports') and the short name ('Marjan') for the full name, and shows the fuller form", () => {
    const text =
      "Marjan Sports wins league rights\n\nMarjan Sports Network agreed to pay SAR 7.2 billion for the rights. Marjan said it would raise AED 1.5 billion. Shares of Marjan rose 4%.\n\nNorthcrest to buy Harbourview Insurance\n\nNorthcrest agreed to buy Harbourview Insurance Group for C$2.1 billion.";
    const got = extractClaims(text, published);
    for (const v of ["SAR 7.2 billion", "AED 1.5 billion", "4%"]) expect(got.find((s) => s.valueText === v)?.subject).toBe("Marjan Sports Network");
    expect(got.find((s) => s.valueText === "C$2.1 billion")?.subject).toBe("Harbourview Insurance Group");
  });

  it("reads the measure through an aside ('Net income for the year, which ended March 31, rose to ...'), whose date is a period", () => {
    const got = extractClaims(
      "Ostra Bio reported results. Net income for the crop year, which ended March 31, rose to R$1.87 billion from R$1.67 billion. Revenue, which includes ethanol, rose to R$9 billion from R$8 billion.",
      published,
    );
    expect(got.find((s) => s.valueText === "R$1.87 billion")).toMatchObject({ attribute: "net_income", subject: "Ostra Bio" });
    expect(got.find((s) => s.valueText === "R$9 billion")).toMatchObject({ attribute: "revenue" });
    expect(got.some((s) => s.valueText === "March 31")).toBe(false);
  });

  it("counts things named by a countable noun: matches, stadiums", () => {
    const got = extractClaims("Marjan Sports Network will show all 306 league matches and upgrade 12 club stadiums.", published);
    for (const [v, n] of [["306", "306"], ["12", "12"]] as const) expect(got.find((s) => s.valueText === v)).toMatchObject({ unit: "count", value: n });
  });

  it("dates a day in 'next year' or 'last year' by that year ('Aug. 19 next year')", () => {
    const got = extractClaims("Marjan Sports Network will launch its channel on Aug. 19 next year. Ostra Bio launched on 3 March last year.", published);
    expect(got.find((s) => s.valueText === "Aug. 19 next year")).toMatchObject({ value: "2027-08-19" });
    expect(got.find((s) => s.valueText === "3 March last year")).toMatchObject({ value: "2025-03-03" });
  });

  it("reads '18.5% owned by X' as X's stake in the company before it, and 'hold 19.8%' as a stake", () => {
    const got = extractClaims(
      "Marjan Sports Network, which is 18.5% owned by state investor Rimal Holdings, reported revenue of AED 2.94 billion. Two funds, which together hold 19.8% of the stock, back Marjan. The central bank will hold rates at 4.5%.",
      published,
    );
    expect(got.find((s) => s.valueText === "18.5%")).toMatchObject({ attribute: "stake", subject: "Marjan Sports Network", counterparty: "Rimal Holdings" });
    expect(got.find((s) => s.valueText === "AED 2.94 billion")?.subject).toBe("Marjan Sports Network");
    expect(got.find((s) => s.valueText === "19.8%")?.attribute).toBe("stake");
    expect(got.find((s) => s.valueText === "4.5%")?.attribute).not.toBe("stake");
  });

  it("reads sukuk and senior notes as debt, and a close of a price as a share price", () => {
    const got = extractClaims(
      "Marjan Sports Network plans to sell an AED 1.5 billion sukuk. Northcrest will also issue C$600 million of new senior notes. Daeyang priced new shares at ₩124,000, a discount to the close of ₩159,000.",
      published,
    );
    expect(got.find((s) => s.valueText === "AED 1.5 billion")?.attribute).toBe("debt_financing");
    expect(got.find((s) => s.valueText === "C$600 million")?.attribute).toBe("debt_financing");
    expect(got.find((s) => s.valueText === "₩159,000")?.attribute).toBe("share_price");
  });

  it("takes a name where a place goes ('a plant in Sorriso') for a place, not a company", () => {
    const got = extractClaims("Ostra Bio sold a green bond. The money will go toward a R$3.2 billion plant in Sorriso, which will make 600 million litres a year.", published);
    expect(got.find((s) => s.valueText === "R$3.2 billion")?.subject).toBe("Ostra Bio");
    expect(got.find((s) => s.valueText === "600 million litres")?.subject).toBe("Ostra Bio");
  });

  it("claims a quarter or half-year when an expected event is the clause's only figure, not a period of results", () => {
    const got = extractClaims(
      "Aurelis Therapeutics said first results are expected in the second half of 2027. It expects to turn profitable in the fourth quarter of 2026. Shares jumped after Q4 2025 earnings. Revenue in the first quarter of 2026 rose 12%.",
      published,
    );
    expect(got.find((s) => s.valueText === "second half of 2027")).toMatchObject({ subject: "Aurelis Therapeutics", low: "2027-07-01", high: "2027-12-31" });
    expect(got.find((s) => s.valueText === "fourth quarter of 2026")).toMatchObject({ low: "2026-10-01" });
    expect(got.some((s) => s.valueText === "Q4 2025" || s.valueText === "first quarter of 2026")).toBe(false);
  });

  it("reads a value the stock market puts on a listed company as its market capitalisation, not a round's valuation", () => {
    const got = extractClaims(
      "Shares in Ostrander rose 3.2% to NOK 64.10, valuing the company at roughly NOK 11.5 billion. Pellmont's stock has gained 24% this year, when it was valued at about $16 billion. Brisa raised $200 million in a round valuing the company at $2 billion.",
      published,
    );
    expect(got.find((s) => s.valueText === "NOK 11.5 billion")).toMatchObject({ attribute: "market_capitalization", subject: "Ostrander" });
    expect(got.find((s) => s.valueText === "$16 billion")?.attribute).toBe("market_capitalization");
    expect(got.find((s) => s.valueText === "$2 billion")?.attribute).toMatch(/^valuation/);
  });

  it("reads 'in a round valuing the company at' as a valuation, and a name before an irregular verb ('Brisa sold') as a company", () => {
    const got = extractClaims(
      "Brisa raised $200 million in a round valuing the company at $2 billion. Tarn sold shares in a deal valuing it at $900 million.",
      published,
    );
    expect(got.find((s) => s.valueText === "$2 billion")).toMatchObject({ attribute: "valuation", subject: "Brisa" });
    expect(got.find((s) => s.valueText === "$900 million")).toMatchObject({ attribute: "valuation", subject: "Tarn" });
  });

  it("dates a closing 'in the fourth quarter' without a year by the publication date, ahead when it is expected", () => {
    const september = { publishedAt: new Date("2026-09-08T12:00:00Z") };
    const got = extractClaims(
      "Arlo Corp agreed to buy Bex Inc for $2 billion. The deal is expected to close in the first half. Bex completed the deal in the second quarter. Revenue in the third quarter rose 12%.",
      september,
    );
    expect(got.find((s) => s.valueText === "first half")).toMatchObject({ attribute: "closing_date", subject: "Bex Inc", low: "2027-01-01", high: "2027-06-30" });
    expect(got.find((s) => s.valueText === "second quarter")).toMatchObject({ attribute: "closing_date", low: "2026-04-01", high: "2026-06-30" });
    expect(got.some((s) => s.valueText === "third quarter")).toBe(false);
  });

  it("reads payloads in kilograms, launches and rockets as counts, staff taken on as a rise in headcount", () => {
    const got = extractClaims(
      "The Sperber can carry up to 1,150 kilograms to low Earth orbit, or about 800 kilograms to higher orbits. Aurelia plans 16 launches next year across 38 cities. Its factory will be able to build up to 24 rockets a year. Aurelia employs about 740 people and plans to add around 120 staff. Osgood paid a dividend of R$0.62 a share, or R$760 million.",
      published,
    );
    expect(got.find((s) => s.valueText === "1,150 kilograms")).toMatchObject({ attribute: "capacity", unit: "kilograms", value: "1150" });
    expect(got.find((s) => s.valueText === "800 kilograms")).toMatchObject({ attribute: "capacity", unit: "kilograms" });
    expect(got.find((s) => s.valueText === "16")).toMatchObject({ unit: "count", value: "16" });
    expect(got.find((s) => s.valueText === "38")).toMatchObject({ unit: "count" });
    expect(got.find((s) => s.valueText === "24")?.attribute).toBe("production_capacity");
    expect(got.find((s) => s.valueText === "120")).toMatchObject({ attribute: "headcount_change", value: "120" });
    expect(got.find((s) => s.valueText === "R$760 million")?.attribute).not.toBe("dividend_per_share");
  });

  it("gives each investor of a round listed clause by clause the round's company as investee", () => {
    const got = extractClaims(
      "Turant Commerce has raised $290 million in a round led by Singapore's Saffron Peak Capital, valuing the company at $2.1 billion after the investment. Saffron Peak is putting in $110 million and Mumbai-based Meridian Bay Ventures is investing $50 million. Existing investor Tamsin Capital also took part, putting in about $75 million.",
      published,
    );
    expect(got.find((s) => s.valueText === "$2.1 billion")).toMatchObject({ subject: "Turant Commerce", attribute: "valuation_post_money" });
    expect(got.find((s) => s.valueText === "$110 million")).toMatchObject({ subject: "Turant Commerce", attribute: "investment_amount", counterparty: "Saffron Peak Capital" });
    expect(got.find((s) => s.valueText === "$50 million")).toMatchObject({ subject: "Turant Commerce", counterparty: "Meridian Bay Ventures" });
    expect(got.find((s) => s.valueText === "$75 million")).toMatchObject({ subject: "Turant Commerce", attribute: "investment_amount", counterparty: "Tamsin Capital" });
  });

  it("reads a round's money 'including the new money' as post-money, 'before the new money' as pre-money, the total raised, the lead's share, an earlier value 'up from', and a listing's size", () => {
    const got = extractClaims(
      "Aurelia has raised €210 million in a round that values it at €1.25 billion including the new money. The round, which closed on Friday, was led by Munich-based Brennerhof Capital with €60 million. The round values Aurelia at about €1.04 billion before the new money, up from €400 million at its last fundraising, and takes the total it has raised since it was founded to about €590 million. Its stock market listing could raise up to €500 million.",
      published,
    );
    expect(got.find((s) => s.valueText === "€1.25 billion")?.attribute).toBe("valuation_post_money");
    expect(got.find((s) => s.valueText === "€60 million")).toMatchObject({ attribute: "investment_amount", subject: "Aurelia", counterparty: "Brennerhof Capital" });
    expect(got.find((s) => s.valueText === "€1.04 billion")?.attribute).toBe("valuation_pre_money");
    expect(got.find((s) => s.valueText === "€400 million")?.attribute).toBe("valuation");
    expect(got.find((s) => s.valueText === "€590 million")?.attribute).toBe("total_funding");
    expect(got.find((s) => s.valueText === "€500 million")?.attribute).toBe("equity_offering");
  });

  it("reads closing, average and traded prices as share prices, orders received as bookings, a share of the market, an order's value, stores that closed and a first flight", () => {
    const got = extractClaims(
      "The offer is a premium to Larch's undisturbed closing price of 155.8p and to the volume-weighted average price of 149.3p. Larch shares had traded as high as 340p before a run of profit warnings. Orders received at Kiso rose 9% to ¥3.24 trillion. Dasho has about 14% of the market by order volume. Its average order value has climbed to Rs 540. Like-for-like sales at Larch, which strip out new and closed stores, grew 1.8%. Ventor's next rocket is scheduled to make its first flight in the second half of 2028.",
      published,
    );
    expect(got.find((s) => s.valueText === "155.8p")).toMatchObject({ attribute: "share_price", value: "1.558", unit: "GBP" });
    expect(got.find((s) => s.valueText === "149.3p")?.attribute).toBe("share_price");
    expect(got.find((s) => s.valueText === "340p")?.attribute).toBe("share_price");
    expect(got.find((s) => s.valueText === "¥3.24 trillion")?.attribute).toBe("bookings");
    expect(got.find((s) => s.valueText === "14%")).toMatchObject({ attribute: "market_share", subject: "Dasho" });
    expect(got.find((s) => s.valueText === "Rs 540")?.attribute).not.toBe("valuation");
    expect(got.find((s) => s.valueText === "1.8%")?.attribute).toBe("revenue_change");
    expect(got.find((s) => s.valueText === "second half of 2028")?.attribute).toBe("launch_date");
  });

  it("reads money spent on the company's own plant, lines or site as capital expenditure, and on content or compute as a spending commitment", () => {
    const got = extractClaims(
      "Tallowa will use the proceeds to fund the A$4.1 billion expansion of its Mount Carrick mine. Daeyang said it would invest ₩4.2 trillion ($3.05 billion) over three years in lithium iron phosphate (LFP) battery lines. Streamly expects to spend about $18 billion on content this year. Orla plans to invest $500 billion over the coming years in AI infrastructure.",
      published,
    );
    expect(got.find((s) => s.valueText === "A$4.1 billion")).toMatchObject({ attribute: "capital_expenditure", subject: "Tallowa" });
    expect(got.find((s) => s.valueText === "₩4.2 trillion")).toMatchObject({ attribute: "capital_expenditure", subject: "Daeyang" });
    expect(got.find((s) => s.valueText === "$18 billion")?.attribute).toBe("spending_commitment");
    expect(got.find((s) => s.valueText === "$500 billion")?.attribute).toBe("spending_commitment");
  });

  it("reads 'has risen', 'having fallen' and 'rose as much as' as share-price changes, and a takeover's value of its target as the price", () => {
    const got = extractClaims(
      "Streamly shares gained 6% on Tuesday. The stock has risen 31% since January. Hoshi shares rose as much as 8.1% before closing up 6.3%. Helvion AG will acquire Quanta Bio for $38.50 per share in cash, valuing the U.S. biotech at about $14.6 billion. Hartwell has agreed to a cash offer from private equity firm Ridgeline Partners, valuing its equity at about £1.12 billion.",
      published,
    );
    expect(got.find((s) => s.valueText === "31%")?.attribute).toBe("share_price_change");
    expect(got.find((s) => s.valueText === "8.1%")?.attribute).toBe("share_price_change");
    expect(got.find((s) => s.valueText === "$14.6 billion")).toMatchObject({ attribute: "acquisition_price", subject: "Quanta Bio" });
    expect(got.find((s) => s.valueText === "£1.12 billion")?.attribute).toBe("acquisition_price");
  });

  it("takes every place of 'a plant in Sorriso, Mato Grosso' and 'mills in Sao Paulo, Goias and Mato Grosso do Sul' for a place", () => {
    const got = extractClaims(
      "Ostra Bio sold a green bond. Proceeds will go toward a R$3.2 billion plant in Sorriso, Mato Grosso, designed to make 600 million litres a year. Ostra Bio planted 412,000 hectares, supplying 14 mills in Sao Paulo, Goias and Mato Grosso do Sul.",
      published,
    );
    expect(got.find((s) => s.valueText === "R$3.2 billion")?.subject).toBe("Ostra Bio");
    expect(got.find((s) => s.valueText === "600 million litres")?.subject).toBe("Ostra Bio");
    expect(got.find((s) => s.valueText === "14")?.subject).toBe("Ostra Bio");
  });

  it("gives a contract's value to the company awarded it, and does not take a describing word ('Defence electronics group X') for a name", () => {
    const got = extractClaims(
      "Aurelia Launch Services has raised €210 million. Defence electronics group Rheinwerk Defence invested €94 million for a 7.5% stake. Aurelia also said the European Space Agency had awarded it a contract worth up to €169 million. The Navy awarded Kestrel Marine a $40 million order.",
      published,
    );
    expect(got.find((s) => s.valueText === "€94 million")).toMatchObject({ subject: "Aurelia Launch Services", counterparty: "Rheinwerk Defence" });
    expect(got.find((s) => s.valueText === "€169 million")).toMatchObject({ subject: "Aurelia Launch Services", attribute: "deal_value" });
    expect(got.find((s) => s.valueText === "$40 million")).toMatchObject({ subject: "Kestrel Marine", counterparty: "Navy" });
  });

  it("dates an act or an expected event by a month without a year, and a close by its weekday; a month that is a period is no claim", () => {
    const july = { publishedAt: new Date("2026-07-08T12:00:00Z") };
    const got = extractClaims(
      "Ridgeline owns 8.4% of Larch after buying shares in March. Larch shareholders will vote at a court meeting expected in August. Construction of the Larch depot began in June. The Larch financing reached financial close on Friday. Larch sales in December rose 5%.",
      july,
    );
    expect(got.find((s) => s.valueText === "March")).toMatchObject({ low: "2026-03-01", high: "2026-03-31" });
    expect(got.find((s) => s.valueText === "August")).toMatchObject({ low: "2026-08-01", high: "2026-08-31" });
    expect(got.find((s) => s.valueText === "June")).toMatchObject({ low: "2026-06-01" });
    expect(got.find((s) => s.valueText === "Friday")).toMatchObject({ attribute: "closing_date", value: "2026-07-03" });
    expect(got.some((s) => s.valueText === "December")).toBe(false);
  });

  it("reads money that 'will go to a new plant' or 'will add capacity' as capital expenditure, and a discount to a price as a negative premium", () => {
    const got = extractClaims(
      "About ₩2.9 trillion will go to a new plant in Ohio. The remaining ₩1.3 trillion will add 12 GWh of capacity. Daeyang will issue new shares at ₩124,000 each, a 22% discount to Wednesday's close.",
      published,
    );
    expect(got.find((s) => s.valueText === "₩2.9 trillion")?.attribute).toBe("capital_expenditure");
    expect(got.find((s) => s.valueText === "₩1.3 trillion")?.attribute).toBe("capital_expenditure");
    expect(got.find((s) => s.valueText === "22%")).toMatchObject({ attribute: "premium", value: "-22" });
  });

  it("does not read a count of stores or brokers as a headcount named elsewhere in the sentence", () => {
    const got = extractClaims(
      "Larch will close 48 of its 612 stores by April and cut about 2,100 jobs. Hartwell operates 312 stores and employs about 14,500 people. Orla has about 2,300 employees and sells through 1,100 independent brokers.",
      published,
    );
    for (const v of ["48", "612", "312", "1,100"]) expect(got.find((s) => s.valueText === v)?.attribute).toBe("count");
    expect(got.find((s) => s.valueText === "14,500")?.attribute).toBe("headcount");
    expect(got.find((s) => s.valueText === "2,300")?.attribute).toBe("headcount");
  });

  it("reads money saved as cost savings, shares bought back as a buyback and one-off charges as expenses", () => {
    const got = extractClaims(
      "Orrin aims to save $600 million a year by the end of 2027. Orrin has repurchased $1.4 billion of stock. Kurogane will buy back up to ¥300 billion of its own shares. Larch expects one-off charges of $85 million to $110 million.",
      published,
    );
    expect(got.find((s) => s.valueText === "$600 million")?.attribute).toBe("cost_savings");
    expect(got.find((s) => s.valueText === "$1.4 billion")?.attribute).toBe("buyback");
    expect(got.find((s) => s.valueText === "¥300 billion")?.attribute).toBe("buyback");
    expect(got.find((s) => s.valueText === "$85 million to $110 million")?.attribute).toBe("expenses");
  });

  it("reads what shareholders will receive per share in a takeover as the offer price", () => {
    const got = extractClaims("Brightmoor agreed to buy Nordvik Games. Nordvik shareholders will receive SEK 310 per share. Nordvik shares closed at SEK 240.", published);
    expect(got.find((s) => s.valueText === "SEK 310")?.attribute).toBe("offer_price");
    expect(got.find((s) => s.valueText === "SEK 240")?.attribute).toBe("share_price");
  });

  it("reads basis points as hundredths of a percentage point, and the rate a margin narrowed to as its level", () => {
    const got = extractClaims(
      "Harborview said net income rose to $453 million. The net interest margin narrowed 12 basis points from a year earlier to 3.06%. The loans carry a margin of 145bps over Euribor.",
      published,
    );
    expect(got.find((s) => s.valueText === "12 basis points")).toMatchObject({ attribute: "net_interest_margin_change", value: "-0.12", unit: "percent" });
    expect(got.find((s) => s.valueText === "3.06%")).toMatchObject({ attribute: "net_interest_margin", value: "3.06" });
    expect(got.find((s) => s.valueText === "145bps")).toMatchObject({ value: "1.45", unit: "percent" });
  });

  it("reads 'HK$' as a currency, never a company, and money raised by selling new shares or in a placement as an equity offering", () => {
    const got = extractClaims(
      "Qingyun Motors raises HK$6.2 billion in Hong Kong placement\n\nQingyun Motors has raised about HK$6.23 billion (US$797 million) by selling new shares in Hong Kong. The shares were sold at HK$20.10, a discount to the closing price of HK$22.00.",
      published,
    );
    expect(got.find((s) => s.valueText === "HK$6.2 billion")).toMatchObject({ attribute: "equity_offering", subject: "Qingyun Motors", unit: "HKD" });
    expect(got.find((s) => s.valueText === "HK$6.23 billion")?.attribute).toBe("equity_offering");
    expect(got.find((s) => s.valueText === "HK$22.00")?.subject).toBe("Qingyun Motors");
    expect(got.some((s) => s.subject === "HK")).toBe(false);
  });

  it("does not give a total the per-share meaning of the figure before it, and reads the value 'the offer' puts on a target as its price", () => {
    const got = extractClaims(
      "Harborview posted earnings of $1.38 a share, from $453 million a year earlier. Marbury agreed to buy Solanex. The cash part of the offer values Solanex at about $4.5 billion.",
      published,
    );
    expect(got.find((s) => s.valueText === "$1.38")?.attribute).toBe("eps");
    expect(got.find((s) => s.valueText === "$453 million")?.attribute).not.toBe("eps");
    expect(got.find((s) => s.valueText === "$4.5 billion")?.attribute).toBe("acquisition_price");
  });

  it("reads bare crowns in the currency of the crowns the article named before, and leaves them out when it named none", () => {
    const got = extractClaims("Nordhav will spend 30 billion Norwegian crowns. Nordhav shares rose 2.1% to 142.40 crowns.", published);
    expect(got.find((s) => s.valueText === "142.40 crowns")).toMatchObject({ unit: "NOK", value: "142.4", attribute: "share_price" });
    expect(extractClaims("Nordhav shares rose 2.1% to 142.40 crowns.", published).some((s) => s.valueText.includes("crowns"))).toBe(false);
  });

  it("reads a measure through an apposition ('ratio, a key measure of strength, rose to'), and money set aside for loan losses as no debt or spending", () => {
    const got = extractClaims(
      "Harborview's common equity tier 1 ratio, a key measure of financial strength, rose to 10.6%. The lender set aside $168 million for loan losses, up 39% from $121 million a year earlier.",
      published,
    );
    expect(got.find((s) => s.valueText === "10.6%")?.attribute).toBe("cet1_ratio");
    for (const v of ["$168 million", "$121 million"]) expect(got.find((s) => s.valueText === v)?.attribute).not.toMatch(/debt|spending/);
  });

  it("keeps a company that speaks of itself as the discourse subject, and reads '170,000 to 180,000' as one range", () => {
    const got = extractClaims(
      "Qingyun Motors raised HK$6.2 billion. Sunward Mobility Fund took 120 million of the shares for about HK$2.41 billion. Qingyun said it would spend about 45% of the proceeds on research. The company said on Monday it delivered 14,260 vehicles in May. Qingyun reiterated its target of 170,000 to 180,000 deliveries this year.",
      published,
    );
    expect(got.find((s) => s.valueText === "14,260")?.subject).toBe("Qingyun Motors");
    expect(got.find((s) => s.valueText === "170,000 to 180,000")).toMatchObject({ low: "170000", high: "180000", value: null });
  });

  it("reads past periods, weekdays before any punctuation, '~' after 'with', a tally, 'buys back', 'recruit' and 'grew by' as their patterns mean", () => {
    const may = { publishedAt: new Date("2026-05-14T12:00:00Z") };
    const got = extractClaims(
      "Orla Bank said revenue rose 12% in the first quarter, and the company expects more. Orla's sale of Tarn closed on Friday; Orla Bank raised $200 million in a round led by Kess Capital with ~$60 million. The round brings its tally of funds raised to $640 million. Orla buys back $2 billion of its shares. It will recruit 300 more staff. Its workforce grew by 1,200 to 5,400 people.",
      may,
    );
    expect(got.find((s) => s.valueText === "first quarter")?.low ?? "2026-01-01").toBe("2026-01-01");
    expect(got.find((s) => s.valueText === "Friday")).toMatchObject({ value: "2026-05-08" });
    expect(got.find((s) => s.valueText === "$60 million")?.attribute).toBe("investment_amount");
    expect(got.find((s) => s.valueText === "$640 million")?.attribute).toBe("total_funding");
    expect(got.find((s) => s.valueText === "$2 billion")?.attribute).toBe("buyback");
    expect(got.find((s) => s.valueText === "300")?.attribute).toBe("headcount_change");
    expect(got.some((s) => s.low === "1200" && s.high === "5400")).toBe(false);
  });

  it("does not take a name that acts after a place ('in Sorriso, Halvorsen said') for a place", () => {
    const got = extractClaims("Halvorsen Agro will build a plant in Sorriso, Halvorsen said. Halvorsen Agro raised $300 million.", published);
    expect(got.find((s) => s.valueText === "$300 million")?.subject).toBe("Halvorsen Agro");
  });

  it("reads 'the bank' as the company, also after a phrase such as 'For the full year'", () => {
    const got = extractClaims(
      "Tamsin Bancorp said net income fell to $412 million. Its rival Corvel Trust reported deposits of $12 billion. For the full year the bank now expects net income to fall 2%, assuming the Federal Reserve cuts rates twice.",
      published,
    );
    expect(got.find((s) => s.valueText === "2%")?.subject).toBe("Tamsin Bancorp");
  });

  it("does not pin a forecast on the firm that compiled it or employs the analyst, and reads a forecast per share as earnings", () => {
    const got = extractClaims(
      "Tamsin Bancorp said net income fell to $412 million. Analysts had on average expected $1.33 a share, according to data compiled by Wexcombe Analytics. Mara Lund, an analyst at Pellory Securities, estimates annual sales of the new card at $2.8 billion. Tamsin shares are expected to trade at $14 a share.",
      published,
    );
    expect(got.find((s) => s.valueText === "$1.33")).toMatchObject({ subject: "Tamsin Bancorp", attribute: "eps" });
    expect(got.find((s) => s.valueText === "$2.8 billion")?.subject).toBe("Tamsin Bancorp");
    expect(got.find((s) => s.valueText === "$14")?.attribute).toBe("share_price");
  });

  it("reads the money a buyer funds a purchase with as its cash, debt and shares, not as the price", () => {
    const got = extractClaims(
      "Brantwell Financial agreed to buy Osprey Mutual for C$2.1 billion. Brantwell will fund the purchase with C$1.1 billion of cash on hand, C$600 million of new senior notes and a C$400 million offering of subscription receipts, priced at C$52.75 each.",
      published,
    );
    expect(got.find((s) => s.valueText === "C$2.1 billion")).toMatchObject({ subject: "Osprey Mutual", attribute: "acquisition_price" });
    expect(got.find((s) => s.valueText === "C$1.1 billion")).toMatchObject({ subject: "Brantwell Financial", attribute: "amount" });
    expect(got.find((s) => s.valueText === "C$600 million")).toMatchObject({ subject: "Brantwell Financial", attribute: "debt_financing" });
    expect(got.find((s) => s.valueText === "C$400 million")).toMatchObject({ subject: "Brantwell Financial", attribute: "equity_offering" });
  });

  it("counts countries, states, turbines, pre-orders and closures", () => {
    const got = extractClaims(
      "Pellmore Health's software is used in 14 countries. Pellmore Wind will install 56 turbines. The Pellmore Z1 has drawn more than 22,000 pre-orders. The closures follow 22 shutdowns last spring.",
      published,
    );
    for (const v of ["14", "56", "22,000", "22"]) expect(got.find((s) => s.valueText === v)?.unit).toBe("count");
  });

  it("counts an earlier value of a count whose noun was named with the count before it ('up from 410')", () => {
    const got = extractClaims("Pellmore runs 640 dark stores across 38 cities, up from 410 a year ago. Pellmore opened 12 stores from 2020 to 2024.", published);
    expect(got.find((s) => s.valueText === "410")).toMatchObject({ subject: "Pellmore", unit: "count", value: "410" });
    expect(got.some((s) => s.valueText === "2020")).toBe(false);
  });

  it("returns to the main company after a side player, and takes neither a ticker nor an opening adjective for a company", () => {
    const got = extractClaims(
      "Quillmark sold 16 million new shares, raising $384 million. Quillmark listed on Nasdaq. Existing investors, led by Tavener Partners, sold another 4 million shares. Tavener alone sold 2.5 million shares. At $24 a share, the offering valued Quillmark at $4.8 billion. The shares began trading on May 15 under the ticker \"QLMK\". Revenue in the fiscal year rose 46% to $318.6 million. Preliminary figures showed revenue of $94.1 million for the quarter. Annual recurring revenue reached $402 million.",
      published,
    );
    for (const v of ["$318.6 million", "$94.1 million", "$402 million"]) expect(got.find((s) => s.valueText === v)?.subject).toBe("Quillmark");
    // (an adjective inside a longer name is the name's own word)
    expect(extractClaims("Kelp Digital raised $400 million.", published)[0]?.subject).toBe("Kelp Digital");
    // (nor a one-word name that acts: "Orbital raised")
    expect(extractClaims("Orbital raised $12 billion.", published)[0]?.subject).toBe("Orbital");
  });

  it("reads riyals, pesos by the country the article names, francs, and cents named by their country", () => {
    const got = extractClaims(
      "Tamsin Air's order is valued at about 90 billion riyals. Tamsin Pay will spend 1.5 billion pesos to expand in Mexico. Orlen Bio raised 2 billion Swiss francs. Wyndra Gold will pay a dividend of 8 Australian cents a share.",
      published,
    );
    expect(got.find((s) => s.valueText === "90 billion riyals")).toMatchObject({ value: "90000000000", unit: "SAR" });
    expect(got.find((s) => s.valueText === "1.5 billion pesos")).toMatchObject({ value: "1500000000", unit: "MXN" });
    expect(got.find((s) => s.valueText === "2 billion Swiss francs")).toMatchObject({ value: "2000000000", unit: "CHF" });
    expect(got.find((s) => s.valueText === "8 Australian cents")).toMatchObject({ value: "0.08", unit: "AUD", attribute: "dividend_per_share" });
    // (pesos of no country named are left out rather than guessed)
    expect(extractClaims("Tamsin Pay will spend 1.5 billion pesos.", published).some((s) => s.valueText.includes("pesos"))).toBe(false);
  });

  it("reads a volume produced in a period as production, and what a plant can make as its capacity, in tonnes or ounces", () => {
    const got = extractClaims(
      "Wyndra Metals said copper production rose 9% to 38,400 tonnes in the quarter, and it produced 61,200 ounces of gold. It kept its guidance of 145,000 to 155,000 tonnes of copper. Wyndra expects to mine between 39 million and 41 million tonnes of ore. Wyndra's new smelter will have capacity of 260,000 tonnes a year.",
      published,
    );
    expect(got.find((s) => s.valueText === "9%")).toMatchObject({ attribute: "production_change", value: "9" });
    expect(got.find((s) => s.valueText === "38,400 tonnes")).toMatchObject({ attribute: "production", unit: "tonnes" });
    expect(got.find((s) => s.valueText === "61,200 ounces")).toMatchObject({ attribute: "production", unit: "ounces", value: "61200" });
    expect(got.find((s) => s.valueText === "145,000 to 155,000 tonnes")).toMatchObject({ attribute: "production", low: "145000", high: "155000", unit: "tonnes" });
    expect(got.find((s) => s.valueText === "39 million and 41 million tonnes")).toMatchObject({ low: "39000000", high: "41000000", unit: "tonnes" });
    expect(got.find((s) => s.valueText === "260,000 tonnes")?.attribute).toBe("production_capacity");
  });

  it("makes a lender the counterparty of a loan and the borrower its subject; 'lining up' is no rise; 'Return on equity' opens a sentence", () => {
    const got = extractClaims(
      "Skarvik Vind reached financial close on its wind farm, lining up €1.7 billion of bank debt. Copenhagen-based Tollund Bank is lending €800 million under a term loan, while Bergen-based Fjordline Sparebank is providing NOK 3.5 billion in a separate tranche. The package also comprises an €800 million credit facility from Banco Serrano and Banco Tapajós and €400 million of bonds. Return on equity reached 14%.",
      published,
    );
    expect(got.find((s) => s.valueText === "€1.7 billion")).toMatchObject({ subject: "Skarvik Vind", attribute: "debt_financing" });
    expect(got.find((s) => s.valueText === "€800 million" && s.counterparty === "Tollund Bank")).toMatchObject({ subject: "Skarvik Vind", attribute: "debt_financing" });
    expect(got.find((s) => s.valueText === "NOK 3.5 billion")).toMatchObject({ subject: "Skarvik Vind", attribute: "debt_financing", counterparty: "Fjordline Sparebank" });
    expect(got.find((s) => s.counterparty === "Banco Serrano and Banco Tapajós")).toMatchObject({ subject: "Skarvik Vind", valueText: "€800 million" });
    expect(got.find((s) => s.valueText === "€400 million")?.subject).toBe("Skarvik Vind");
    expect(got.find((s) => s.valueText === "14%")?.attribute).toBe("return_on_equity");
  });

  it("counts aircraft, destinations, engines and pilots, models in the plural, and hyphenated nouns; a decade is no count", () => {
    const got = extractClaims(
      "Tamsin Air ordered 30 widebodies from Corvane. It also took options on 20 more AL-330s. It flies to 71 destinations and will buy 160 engines. Tamsin Air got 40 pre-orders for its lounge. Tamsin Air grew in the 1990s.",
      published,
    );
    for (const v of ["30", "20", "71", "160", "40"]) expect(got.find((s) => s.valueText === v)).toMatchObject({ subject: "Tamsin Air", unit: "count" });
    expect(got.some((s) => s.valueText.includes("1990"))).toBe(false);
    // (an order at list prices is a deal value; one unit's list price a plain amount)
    expect(extractClaims("Tamsin Air ordered 75 jets at list prices of $9 billion. Each jet has a list price of $120 million.", published).map((s) => s.attribute)).toEqual(["count", "deal_value", "amount"]);
  });

  it("reads a listing: its debut move, the shares it sold, its price range; annual recurring revenue; a part of a count; an exchange ratio", () => {
    const got = extractClaims(
      "Quillmark jumps 27% in Nasdaq debut. Quillmark sold 16 million new shares, raising $384 million. It had set a range of $21 to $23 on Monday, up from an initial $18 to $20. Annual recurring revenue reached $402 million, and Quillmark counts 2,140 customers, 212 of which pay it more than $100,000 a year. Under a separate deal, Brisa shareholders would receive 0.615 Quillmark shares for each Brisa share.",
      published,
    );
    expect(got.find((s) => s.valueText === "27%")?.attribute).toBe("share_price_change");
    expect(got.find((s) => s.valueText === "$384 million")?.attribute).toBe("equity_offering");
    expect(got.find((s) => s.valueText === "$21 to $23")).toMatchObject({ attribute: "offer_price", low: "21", high: "23" });
    expect(got.find((s) => s.valueText === "$18 to $20")?.attribute).toBe("offer_price");
    expect(got.find((s) => s.valueText === "$402 million")?.attribute).toBe("run_rate_revenue");
    expect(got.find((s) => s.valueText === "212")).toMatchObject({ attribute: "users", value: "212" });
    expect(got.find((s) => s.valueText === "0.615")).toMatchObject({ attribute: "multiple", unit: "multiple", value: "0.615" });
  });

  it("reads the power an asset delivers as its capacity, and what a plant makes in a year as its production capacity", () => {
    const got = extractClaims("Skarvik Vind will build an 840 MW offshore wind farm. Skarvik Cells will add 30 GWh of battery cell capacity a year at its plant.", published);
    expect(got.find((s) => s.valueText === "840 MW")?.attribute).toBe("capacity");
    expect(got.find((s) => s.valueText === "30 GWh")?.attribute).toBe("production_capacity");
  });

  it("reads net debt, a loan book and debt a deal includes as balances, not as debt raised", () => {
    const got = extractClaims(
      "Wyndra said net debt fell to A$640 million at the end of March. Including about £700 million of net debt, the deal gives Wyndra an enterprise value of £4.6 billion. Its loan book grew 54% to R$8.3 billion. Wyndra raised $500 million of new debt.",
      published,
    );
    for (const v of ["A$640 million", "£700 million", "R$8.3 billion"]) expect(got.find((s) => s.valueText === v)?.attribute).toBe("amount");
    expect(got.find((s) => s.valueText === "54%")?.attribute).toBe("change");
    expect(got.find((s) => s.valueText === "$500 million")?.attribute).toBe("debt_financing");
  });

  it("reads '14% of the stock' and 'will keep 51%' as stakes, not '20% of its staff'", () => {
    const got = extractClaims(
      "Tamsin Bio agreed to be bought. Pellory Partners, Tamsin Bio's largest shareholder with about 14% of the stock, will tender its shares. Skarvik Vind sold 49% of its wind farm and will keep 51%. Skarvik Vind will keep 20% of its staff.",
      published,
    );
    expect(got.find((s) => s.valueText === "14%")).toMatchObject({ attribute: "stake", subject: "Tamsin Bio", counterparty: "Pellory Partners" });
    expect(got.find((s) => s.valueText === "51%")?.attribute).toBe("stake");
    expect(got.find((s) => s.valueText === "20%")?.attribute).not.toBe("stake");
  });

  it("reads a company's share of a market's capacity as market share", () => {
    const got = extractClaims("Orrin Maritime's share of global container capacity slipped 0.4 percentage points to 11.8%.", published);
    expect(got.find((s) => s.valueText === "11.8%")?.attribute).toBe("market_share");
    expect(got.find((s) => s.valueText === "0.4 percentage points")?.attribute).toBe("market_share_change");
  });

  it("accepts a name with an -ing word after its first ('Orla Shipping') said only at sentence starts", () => {
    expect(extractClaims("Orla Shipping raised $300 million.", published)[0]?.subject).toBe("Orla Shipping");
    expect(extractClaims("Following Orla, Brisa raised $300 million.", published)[0]?.subject).toBe("Brisa");
  });

  it("gives the level a change moved from its measure, counts shares bought back or outstanding, and keeps passengers and riders out of headcount", () => {
    const got = extractClaims(
      "Hoshizora Electric expects operating profit of ¥420 billion this year, up 12% from the ¥375 billion it earned last year. Hoshizora Electric will buy back up to 24 million shares. It carried 60 million passengers and employs about 6,800 people. Hoshizora Electric will raise the monthly price of its plan by $2 to $19.99.",
      published,
    );
    expect(got.find((s) => s.valueText === "¥375 billion")?.attribute).toBe("operating_income");
    expect(got.find((s) => s.valueText === "24 million")?.attribute).toBe("count");
    expect(got.find((s) => s.valueText === "60 million")?.attribute).toBe("count");
    expect(got.find((s) => s.valueText === "$2")?.attribute).toBe("change");
  });

  it("makes 'led by X, which is lending' a lender, and a name after 'from Singapore-based' no subject of the next sentence", () => {
    const got = extractClaims(
      "Sahyadri DataParks raised Rs 8,400 crore. The rupee loans are led by state-run Bharat Infrastructure Finance Corp, which is lending Rs 2,500 crore. The foreign-currency tranche comes from Singapore-based Straits Meridian Bank. Construction began in July.",
      { publishedAt: new Date("2026-08-17T00:00:00Z") },
    );
    expect(got.find((s) => s.valueText === "Rs 2,500 crore")).toMatchObject({ subject: "Sahyadri DataParks", counterparty: "Bharat Infrastructure Finance Corp" });
    expect(got.find((s) => s.valueText === "July")?.subject).toBe("Sahyadri DataParks");
  });

  it("reads New Taiwan dollars and Mexican pesos written with a dollar sign", () => {
    const got = extractClaims("Hsinwei Semiconductor plans to spend NT$620 billion on a new fab. Grupo Lux raised MX$2 billion.", published);
    expect(got.find((s) => s.valueText === "NT$620 billion")).toMatchObject({ value: "620000000000", unit: "TWD" });
    expect(got.find((s) => s.valueText === "MX$2 billion")).toMatchObject({ value: "2000000000", unit: "MXN" });
  });

  it("reads growth of a range, total contract value, graduates up from a large count, and a receipt's move in cents and percent to a level", () => {
    const got = extractClaims(
      "Kaveri Infosystems forecast revenue growth of 4% to 6% in constant currency. Kaveri Infosystems signed deals with a total contract value (TCV) of $3.1 billion. It plans to hire about 18,000 graduates, up from 11,500 this year. Its American depositary receipts rose 62 cents, or 3.3%, to $19.41. Its revenue rose $2 billion to $10 billion.",
      published,
    );
    expect(got.find((s) => s.valueText === "4% to 6%")).toMatchObject({ attribute: "revenue_change", low: "4", high: "6" });
    expect(got.find((s) => s.valueText === "$3.1 billion")?.attribute).toBe("bookings");
    expect(got.find((s) => s.valueText === "11,500")?.unit).toBe("count");
    expect(got.find((s) => s.valueText === "62 cents")?.attribute).toBe("share_price_change");
    expect(got.find((s) => s.valueText === "3.3%")?.attribute).toBe("share_price_change");
    expect(got.find((s) => s.valueText === "$19.41")?.attribute).toBe("share_price");
    expect(got.find((s) => s.valueText === "$10 billion")?.attribute).toBe("revenue");
  });

  it("takes the company a buyer 'agreed to buy' for the subject of the deal's value and premium, not the buyer", () => {
    const got = extractClaims(
      "Halvorn Peak to take Brightmere Analytics private in $4.6 billion deal. NEW YORK, March 9 - Private-equity firm Halvorn Peak Partners has agreed to buy Brightmere Analytics for $38.50 a share in cash, in a deal that values the data-software maker at about $4.6 billion including debt. The price is a 41% premium to Brightmere's undisturbed closing price.",
      published,
    );
    expect(got.filter((s) => s.valueText === "$4.6 billion").map((s) => s.subject)).toEqual(["Brightmere Analytics", "Brightmere Analytics"]);
    expect(got.find((s) => s.valueText === "41%")?.subject).toBe("Brightmere Analytics");
    // (the buyer is the firm, not the word that describes it: "Private-equity firm Halvorn Peak Partners")
    expect(got.find((s) => s.valueText === "$38.50")?.counterparty).toBe("Halvorn Peak Partners");
  });

  it("reads a capital budget as capital expenditure and wafers a month as a fab's production capacity", () => {
    const got = extractClaims("Hsinwei Semiconductor raised its capital budget for this year to as much as US$12 billion. Hsinwei Semiconductor's new fab is designed to reach 40,000 wafers per month.", published);
    expect(got.find((s) => s.valueText === "US$12 billion")?.attribute).toBe("capital_expenditure");
    expect(got.find((s) => s.valueText === "40,000 wafers")).toMatchObject({ attribute: "production_capacity", unit: "wafers", value: "40000" });
  });

  it("reads what analysts expected as an estimate of the measure the sentence before reported", () => {
    const got = extractClaims("Donaustern Versicherung said net income dropped to €486 million in the six months to June. Analysts polled by the company had expected €531 million on average.", published);
    expect(got.find((s) => s.valueText === "€531 million")).toMatchObject({ subject: "Donaustern Versicherung", attribute: "net_income", modality: "estimate" });
    // (not any figure in a sentence about analysts: "Analysts said its payout of €200 million was high")
    const other = extractClaims("Donaustern Versicherung said net income dropped to €486 million. Analysts said its payout of €200 million was high.", published);
    expect(other.find((s) => s.valueText === "€200 million")?.attribute).not.toBe("net_income");
  });

  it("reads an insurer's gross written premiums as its revenue, and a takeover premium still as a premium", () => {
    const got = extractClaims("Donaustern Versicherung said gross written premiums rose 7.1% to €8.36 billion. Donaustern Versicherung paid a 20% premium for Halla.", published);
    expect(got.find((s) => s.valueText === "€8.36 billion")?.attribute).toBe("revenue");
    expect(got.find((s) => s.valueText === "7.1%")?.attribute).toBe("revenue_change");
    expect(got.find((s) => s.valueText === "20%")?.attribute).toBe("premium");
  });

  it("reads debt financing 'from' banks as a loan with its lenders, not an investment; 'of the equity value' is no stake", () => {
    const got = extractClaims("Halvorn Peak Partners has lined up committed debt financing of $2.35 billion from Bank of Meridian and Kestrel Securities. Brightmere would owe a break fee of $62 million, or about 1.5% of the equity value.", published);
    expect(got.find((s) => s.valueText === "$2.35 billion")).toMatchObject({ attribute: "debt_financing", subject: "Halvorn Peak Partners", counterparty: "Bank of Meridian and Kestrel Securities" });
    expect(got.find((s) => s.valueText === "1.5%")?.attribute).toBe("percentage");
  });

  it("keeps the new rules to what they name (the review's cases)", () => {
    const one = (text: string, valueText: string) => extractClaims(text, published).find((s) => s.valueText === valueText);
    expect(one("Halvorn Motors cut list prices by 5% and reported revenue of $3 billion.", "$3 billion")?.attribute).toBe("revenue");
    expect(one("Halvorn Capital expects full-year earnings in a range of $5.10 to $5.30.", "$5.10 to $5.30")?.attribute).not.toBe("offer_price");
    expect(one("Nordhav Energy will keep 51% of the company after the sale.", "51%")?.attribute).toBe("stake");
    expect(one("Halvorn Energy aims to keep a 20% operating margin this year.", "20%")?.attribute).toBe("operating_margin");
    expect(one("Halvorn Mining will spend 30% of its capital budget on new mines.", "30%")?.attribute).not.toBe("stake");
    expect(one("Halvorn Air secured $1 billion of financing, including a $300 million term loan.", "$300 million")?.attribute).toBe("debt_financing");
    expect(one("Halvorn Foods sold 10 million new shares, 8% of its outstanding stock, in the placement.", "10 million")?.attribute).toBe("shares_offered");
    expect(one("The consumer-credit startup Halvorn raised $100 million from Sequoia Capital.", "$100 million")?.attribute).toBe("investment_amount");
    expect(one("Halvorn Metals plans to lift the smelter's capacity to 300,000 tonnes a year by the end of this year.", "300,000 tonnes")?.attribute).toBe("production_capacity");
    expect(one("Halvorn Foods shares are expected to open at $20 a share on Friday.", "$20")?.attribute).toBe("share_price");
    expect(one("Halvorn Foods lost $2 million to $3 million a month.", "$2 million to $3 million")).toMatchObject({ low: "2000000", high: "3000000" });
    expect(one("Halvorn Bank expects loan growth of 4% to 6% this year.", "4% to 6%")?.attribute).toBe("change");
    expect(extractClaims("Halvorn hired 5,000 engineers from 12 rivals last year.", published).some((s) => s.valueText === "12")).toBe(false);
    expect(one("Halvorn hired 5,000 engineers from 12 rivals last year.", "5,000")?.attribute).not.toBe("share_price_change");
    expect(one("Halvorn Energy paid a dividend of 12 euro cents.", "12 euro cents")).toMatchObject({ value: "0.12", unit: "EUR" });
    expect(extractClaims("Halvorn shares (ticker: LMFD) rose 20% in their debut.", published)[0]?.subject).toBe("Halvorn");
  });
});

describe("0.9.0: local currency signs, relative periods, volumes", () => {
  const at = (day: string) => ({ publishedAt: new Date(`${day}T00:00:00Z`) });
  const one = (text: string, valueText: string, day = "2026-08-12") => extractClaims(text, at(day)).find((s) => s.valueText === valueText);

  it("reads 'R' as the rand in an article about South Africa, and its cents, but not a model's name elsewhere", () => {
    const text =
      "Tshwane Telecom, the Johannesburg-listed operator, wants to raise R2.5bn. It will sell shares at R12.40 each, against Friday's close of 1,840 cents. Its revenue rose 5% to R21.35 billion; the rest, between R1.1bn and R1.3bn, is underwritten.";
    const got = extractClaims(text, at("2026-08-12"));
    expect(got.find((s) => s.valueText === "R2.5bn")).toMatchObject({ value: "2500000000", unit: "ZAR", subject: "Tshwane Telecom" });
    expect(got.find((s) => s.valueText === "R12.40")).toMatchObject({ value: "12.4", unit: "ZAR" });
    expect(got.find((s) => s.valueText === "1,840 cents")).toMatchObject({ value: "18.4", unit: "ZAR" });
    expect(got.find((s) => s.valueText === "5%")?.subject).toBe("Tshwane Telecom");
    expect(got.find((s) => s.valueText === "R1.1bn and R1.3bn")).toMatchObject({ low: "1100000000", high: "1300000000", unit: "ZAR" });
    expect(got.some((s) => s.subject.startsWith("R2") || s.subject.startsWith("R21"))).toBe(false);
    const elsewhere = extractClaims("Lumen AI said its R1 model cost $6 million to train, and R2 will follow.", at("2026-08-12"));
    expect(elsewhere.some((s) => s.unit === "ZAR")).toBe(false);
  });

  it("reads 'Ps' as the peso of the country the article names", () => {
    expect(one("Grupo Norteño, the Mexican bottler, reported net income of Ps 1.8 billion and paid Ps 1.10 a share.", "Ps 1.8 billion")).toMatchObject({ value: "1800000000", unit: "MXN", subject: "Grupo Norteño", attribute: "net_income" });
    expect(extractClaims("The Ps 5 update shipped with 3 new maps.", at("2026-08-12")).some((s) => s.unit === "MXN")).toBe(false);
  });

  it("dates 'closed last Thursday', 'to close next quarter' and a later quarter still to come, but not 'said last month'", () => {
    // 2026-06-03 is a Wednesday
    expect(one("Kelvio said its round closed last Thursday.", "last Thursday", "2026-06-03")).toMatchObject({ value: "2026-05-28", unit: "date" });
    expect(one("Halvard Telecom expects the tower sale to close next quarter.", "next quarter")).toMatchObject({ low: "2026-10-01", high: "2026-12-31", attribute: "closing_date" });
    expect(one("Corvane Instruments plans to file next month and to close the deal in the second quarter.", "second quarter", "2026-02-17")).toMatchObject({ low: "2026-04-01", high: "2026-06-30" });
    expect(extractClaims("Halvard Stores could fetch around $400 million, people familiar with the matter said last month.", at("2027-01-12")).some((s) => s.unit === "date")).toBe(false);
  });

  it("reads cubic metres and sales volumes in tonnes as production, and installations as a count", () => {
    const text = "Cementos Altiplano said cement volumes fell 3.5% to 4.1 million tonnes and ready-mix volumes slid 7% to 2.6 million cubic metres. Kelvio has completed 11,400 installations.";
    const got = extractClaims(text, at("2026-10-22"));
    expect(got.find((s) => s.valueText === "4.1 million tonnes")).toMatchObject({ unit: "tonnes", attribute: "production" });
    expect(got.find((s) => s.valueText === "2.6 million cubic metres")).toMatchObject({ value: "2600000", unit: "m3", attribute: "production" });
    expect(got.find((s) => s.valueText === "11,400")).toMatchObject({ value: "11400", unit: "count", subject: "Kelvio" });
  });

  it("reads an amount added to a measure as its change, and jobs being cut as a fall in headcount", () => {
    const text =
      "Corvane Instruments shares rose 4.6% to $182.40, adding about $1.1 billion to its market value. An analyst estimated the deal would add about 9 cents a share to Corvane's earnings. Altiplano will shut a plant, cutting about 420 jobs.";
    const got = extractClaims(text, at("2026-02-17"));
    expect(got.find((s) => s.valueText === "$1.1 billion")).toMatchObject({ attribute: "market_capitalization_change", value: "1100000000" });
    expect(got.find((s) => s.valueText === "9 cents")).toMatchObject({ attribute: "eps_change", value: "0.09", unit: "USD" });
    expect(got.find((s) => s.valueText === "420")).toMatchObject({ attribute: "headcount_change", value: "-420" });
    expect(one("Kwela Mobile, the Johannesburg operator, could add R900m-R1.1bn to annual revenue by 2028.", "R900m-R1.1bn")).toMatchObject({ attribute: "revenue_change", subject: "Kwela Mobile", low: "900000000", high: "1100000000" });
    // (an amount added to something else is no change)
    expect(one("Halvorn Stores added $5 million to its marketing budget.", "$5 million")?.attribute).not.toMatch(/_change$/);
  });

  it("reads ranges of amounts in a currency word, 'paid … for' a company, subscriber bases and notes bought back", () => {
    expect(one("Cementos Altiplano, the Mexican group, said the closure will cost between 600 million and 750 million pesos.", "600 million and 750 million pesos")).toMatchObject({ low: "600000000", high: "750000000", unit: "MXN" });
    const paid = extractClaims("Corvane Instruments agreed to buy Nivra Vision for $470 million. It would be Corvane's largest acquisition since it paid $210 million for German metrology firm Brandt Messtechnik. The deal should close next quarter.", at("2026-02-17"));
    expect(paid.find((s) => s.valueText === "$210 million")).toMatchObject({ subject: "Brandt Messtechnik", counterparty: "Corvane Instruments" });
    expect(paid.find((s) => s.valueText === "next quarter")?.subject).toBe("Nivra Vision");
    const results = extractClaims("Kwela Mobile's subscriber base grew by 1.3 million to 24.6 million. Its core profit rose 14%. It will repurchase $500 million of notes and buy back $200 million of shares.", at("2026-08-12"));
    expect(results.find((s) => s.valueText === "24.6 million")).toMatchObject({ attribute: "users", value: "24600000" });
    expect(results.find((s) => s.valueText === "1.3 million")?.attribute).toBe("users_change");
    // ("core profit" is underlying net profit to Hong Kong developers and banks, EBITDA to others: left as the words say)
    expect(results.find((s) => s.valueText === "14%")?.attribute).toBe("net_income_change");
    expect(results.find((s) => s.valueText === "$500 million")?.attribute).toBe("amount");
    expect(results.find((s) => s.valueText === "$200 million")?.attribute).toBe("buyback");
  });

  it("dates 'by the end of the first quarter', and reads what a plant can make a year as its capacity", () => {
    expect(one("Halvard Telecom expects the tower sale to close by the end of the first quarter.", "first quarter", "2026-10-22")).toMatchObject({ low: "2027-01-01", high: "2027-03-31", attribute: "closing_date" });
    expect(one("Altiplano will move output to its San Marcos plant, which can make 2.4 million tonnes of clinker a year.", "2.4 million tonnes", "2026-10-22")?.attribute).toBe("production_capacity");
    expect(one("Altiplano's cement volumes fell to 4.1 million tonnes in the quarter.", "4.1 million tonnes", "2026-10-22")?.attribute).toBe("production");
  });

  it("reads a price set below another, without a verb that moves it, as a negative premium", () => {
    const got = extractClaims("Kwela Mobile will sell shares at a 32% discount to Tuesday's close and about 25% below the theoretical ex-rights price. Halvorn shares fell 5% below the offer price.", at("2026-08-12"));
    expect(got.find((s) => s.valueText === "32%")).toMatchObject({ attribute: "premium", value: "-32" });
    expect(got.find((s) => s.valueText === "25%")).toMatchObject({ attribute: "premium", value: "-25" });
    expect(got.find((s) => s.valueText === "5%")).toMatchObject({ attribute: "share_price_change", value: "-5" });
  });

  it("reads the naira, kobo, the rupiah, the ringgit and the shilling, and signs that are nothing else", () => {
    const nigeria = extractClaims("Marina Harbour Bank said profit before tax rose 38% to ₦1.42 trillion. It will pay a final dividend of 85 kobo a share.", at("2026-04-08"));
    expect(nigeria.find((s) => s.valueText === "₦1.42 trillion")).toMatchObject({ value: "1420000000000", unit: "NGN", subject: "Marina Harbour Bank" });
    expect(nigeria.find((s) => s.valueText === "85 kobo")).toMatchObject({ value: "0.85", unit: "NGN" });
    expect(one("PT Raya Nikel, the Indonesian nickel group, expects the smelter to cost about Rp46.7 trillion.", "Rp46.7 trillion")).toMatchObject({ value: "46700000000000", unit: "IDR" });
    expect(one("Halvorn Berhad, listed on Bursa Malaysia, raised RM2.1 billion.", "RM2.1 billion")).toMatchObject({ value: "2100000000", unit: "MYR", subject: "Halvorn Berhad" });
    expect(one("Safaricom rival Halvorn, based in Nairobi, raised KSh 12 billion.", "KSh 12 billion")).toMatchObject({ value: "12000000000", unit: "KES" });
    expect(one("Halvorn Holding raised ₺4 billion and ₱2 billion.", "₺4 billion")).toMatchObject({ unit: "TRY" });
    // letters that are a sign only where the article names the currency's country
    expect(extractClaims("Halvorn launched its RM5 robot and its Rp2 module.", at("2026-04-08")).some((s) => s.unit === "MYR" || s.unit === "IDR")).toBe(false);
  });

  it("keys a name without its legal form written first, and keeps places, trial phases and benchmark rates from being companies", () => {
    const got = extractClaims(
      "PT Raya Nikel Sulawesi signed a $1.8 billion loan in Jakarta. The seven-year loan, signed in Jakarta on Monday, is led by Bank Nusantara Mandala, which is providing 30%, or $540 million. It is priced at 310 basis points over the Secured Overnight Financing Rate. Raya Nikel will add 120,000 tonnes a year of capacity.",
      at("2026-09-15"),
    );
    expect(got.find((s) => s.valueText === "$1.8 billion")?.subject).toBe("Raya Nikel Sulawesi");
    expect(got.every((s) => s.subject !== "Jakarta" && s.subject !== "Secured Overnight Financing Rate")).toBe(true);
    const trial = extractClaims("Quillmark Therapeutics will start its trial next year. Phase 2b results showed a 41% fall in the marker.", at("2026-07-21"));
    expect(trial.find((s) => s.valueText === "41%")?.subject).not.toBe("Phase");
    const places = extractClaims("Taquara Bioenergia planted 412,000 hectares, supplying 14 mills in Sao Paulo, Goias and Mato Grosso do Sul.", at("2026-07-21"));
    expect(places.find((s) => s.valueText === "14")?.subject).toBe("Taquara Bioenergia");
  });

  it("reads a bank's gross loans as a balance, 'Gross' as no name, and a share of a company bought as a stake", () => {
    const got = extractClaims("Marina Harbour Bank said net profit rose. Gross loans grew 21% to ₦9.8 trillion. Laurentian Public Pension Board agreed to buy 24% of Severnmoor Water for £1.45 billion.", at("2026-04-08"));
    expect(got.find((s) => s.valueText === "₦9.8 trillion")).toMatchObject({ attribute: "amount", subject: "Marina Harbour Bank" });
    expect(got.find((s) => s.valueText === "24%")).toMatchObject({ attribute: "stake", subject: "Severnmoor Water" });
  });

  it("reads currencies written after the number (zł, Kč, zlotys, dong) and the riyal's SR, the franc's Sfr and the dirham's Dh", () => {
    const poland = extractClaims("Koralik Group, the Polish marketplace, said revenue rose 21% to 1.63 billion zlotys and adjusted EBITDA grew 26% to 412 million zł. Its Czech unit had sales of 1.9 billion Kč and an EBITDA loss of 240 million crowns.", at("2026-05-14"));
    expect(poland.find((s) => s.valueText === "1.63 billion zlotys")).toMatchObject({ value: "1630000000", unit: "PLN", attribute: "revenue" });
    expect(poland.find((s) => s.valueText === "412 million zł")).toMatchObject({ value: "412000000", unit: "PLN", attribute: "ebitda" });
    expect(poland.find((s) => s.valueText === "1.9 billion Kč")).toMatchObject({ unit: "CZK" });
    expect(poland.find((s) => s.valueText === "240 million crowns")).toMatchObject({ unit: "CZK" });
    expect(one("Meranti Renewables, the Singapore developer, expects the Vietnamese farm to cost 4.6 trillion dong.", "4.6 trillion dong")).toMatchObject({ unit: "VND" });
    expect(one("Nawras Logistics, the Saudi company, priced its shares at SR 31, the top of the SR 28 to SR 31 range.", "SR 31")).toMatchObject({ value: "31", unit: "SAR", subject: "Nawras Logistics" });
    expect(one("Vallorbe Horlogerie, the Swiss watch group, said operating profit slumped 32% to Sfr 216m.", "Sfr 216m")).toMatchObject({ value: "216000000", unit: "CHF", attribute: "operating_income" });
    expect(one("Halvorn Properties of Dubai raised Dh5 billion.", "Dh5 billion")).toMatchObject({ unit: "AED" });
    expect(extractClaims("The SR 71 and the Dh 2 engine were shown.", at("2026-05-14")).some((s) => s.unit === "SAR" || s.unit === "AED")).toBe(false);
  });

  it("reads a solar farm's MWp, headline verbs in the present ('sales slide 8%'), regions as no companies, and demand as a multiple", () => {
    expect(one("Meranti Renewables will build 420 MWp of solar farms.", "420 MWp")).toMatchObject({ value: "420", unit: "MWp", attribute: "capacity" });
    const watch = extractClaims("Vallorbe warns as first-half sales slide 8%; shares sink 14%\n\nSwiss watch group Vallorbe Horlogerie cut its outlook. The Americas made up 24% of sales, Greater China 29%.", at("2026-07-16"));
    expect(watch.find((s) => s.valueText === "8%")).toMatchObject({ attribute: "revenue_change", value: "-8" });
    expect(watch.find((s) => s.valueText === "14%")).toMatchObject({ attribute: "share_price_change", value: "-14" });
    expect(watch.every((s) => s.subject !== "Americas" && s.subject !== "Greater China")).toBe(true);
    const ipo = extractClaims("The institutional book of Nawras Logistics was 47 times oversubscribed, and the IPO price valued it at 19.5 times last year's earnings. Koralik ended March with 9,450 KoraBox parcel lockers.", at("2026-12-08"));
    expect(ipo.find((s) => s.valueText === "47 times")).toMatchObject({ value: "47", unit: "multiple" });
    expect(ipo.find((s) => s.valueText === "19.5 times")).toMatchObject({ value: "19.5", unit: "multiple" });
    expect(ipo.find((s) => s.valueText === "9,450")).toMatchObject({ value: "9450", unit: "count" });
  });

  it("scales counts in crore and lakh", () => {
    expect(one("Vayura Electric, the Indian scooter maker, will sell 4.88 crore new shares.", "4.88 crore")).toMatchObject({ value: "48800000", unit: "count" });
    expect(one("Vayura Electric sold 12 lakh vehicles last year.", "12 lakh")).toMatchObject({ value: "1200000", unit: "count" });
  });

  it("keeps 0.9.0's rules to what they name (the review's cases)", () => {
    const first = (text: string, valueText: string) => extractClaims(text, at("2026-08-12")).find((s) => s.valueText === valueText);
    // a place that starts a company's name stays in it
    expect(first("Osaka Gas said net profit rose 15% to 80 billion yen.", "80 billion yen")?.subject).toBe("Osaka Gas");
    expect(first("Panama Canal Authority said revenue rose 5% to $5 billion.", "$5 billion")?.subject).toBe("Panama Canal Authority");
    // a window or a base is no date of an event
    expect(first("Halvorn Telecom shares have gained 22% since last month.", "22%")?.asOf ?? null).toBeNull();
    expect(extractClaims("Halvorn sold 1.2 million units in the last quarter of 2025.", at("2026-08-12")).some((s) => s.unit === "date")).toBe(false);
    expect(extractClaims("Halvorn Bank, its chief executive told Reuters last month, has $1.2 billion in cash.", at("2026-08-12")).some((s) => s.unit === "date")).toBe(false);
    // "to close at" is a price, not a deal still to close
    expect(first("Kestrel Mining shares fell 5% to close at a record low in July.", "5%")?.asOf).toBe("2026-07-01");
    // openers that start names
    expect(first("Core Scientific said revenue rose 20% to $150 million.", "$150 million")?.subject).toBe("Core Scientific");
    expect(first("Net Insight reported sales of 120 million Swedish crowns.", "120 million Swedish crowns")?.subject).toBe("Net Insight");
    // a share of a commodity or a month is no stake; tonnes of a company that "made a loss" are no production
    expect(first("Chinese importers bought about 70% of Brazilian soybean exports.", "70%")?.attribute).not.toBe("stake");
    expect(first("Harlow Foods, which made a loss last year, imported 2 million tonnes of wheat.", "2 million tonnes")?.attribute).not.toBe("production");
    // how often is no multiple; a share price against its IPO price is a move, not a premium
    expect(extractClaims("The Federal Reserve cut rates three times last year, and Halvorn revised its guidance three times this year.", at("2026-08-12")).some((s) => s.unit === "multiple")).toBe(false);
    expect(first("Halvorn shares ended their first day at $14.50, 27% below their IPO price of $20.", "27%")?.attribute).not.toBe("premium");
    // a South African bond code or a model's name is no amount in rand
    expect(extractClaims("In South Africa, the yield on the R186 bond fell to 8.9%, and DeepSeek's R1 model drew South African startups.", at("2026-08-12")).some((s) => s.unit === "ZAR")).toBe(false);
    // cutting prices is no fall in customers
    expect(first("Delmar Logistics is cutting prices by 10% to win customers.", "10%")?.attribute).not.toBe("users_change");
  });

  it("takes 'Online' and 'Operational' openers and 'EBIT' for no company, and a town before its region for a place", () => {
    const got = extractClaims(
      "Laurentide Grocers said revenue rose. Online sales reached C$1.05 billion, twice the level of a year earlier. A strike at its Brampton, Ontario, distribution hub cost C$42 million. Operational EBIT fell to 1.2 billion crowns.",
      at("2026-11-12"),
    );
    expect(got.find((s) => s.valueText === "C$1.05 billion")?.subject).toBe("Laurentide Grocers");
    expect(got.find((s) => s.valueText === "C$42 million")?.subject).toBe("Laurentide Grocers");
    expect(got.every((s) => !["Online", "Brampton", "EBIT", "Operational EBIT"].includes(s.subject))).toBe(true);
    // (a name with a place after it that goes on is still a name: "Koralik Group, Poland's second-largest marketplace")
    expect(one("Koralik Group, Poland's second-largest online marketplace, said revenue rose 21% to 1.63 billion zlotys.", "1.63 billion zlotys")?.subject).toBe("Koralik Group");
    expect(one("Texas Instruments said revenue rose 5% to $4 billion.", "$4 billion")?.subject).toBe("Texas Instruments");
  });

  it("takes a one-word name in '-ed' that opens the article before a clear verb for a company ('Reed raised'), not 'Reported revenue'", () => {
    expect(one("Reed raised $7 billion in a round that closed on Monday, the company said.", "$7 billion")?.subject).toBe("Reed");
    expect(one("Zephyr6db3e52ded raised $7 billion in a round.", "$7 billion")?.subject).toBe("Zephyr6db3e52ded");
    expect(extractClaims("Reported revenue rose 5% to $7 billion.", at("2026-08-12")).length).toBe(0);
  });

  it("dates a filing by its weekday, and takes 'Overseas', 'Foreign' and 'Rival' openers and a bankruptcy court for no company", () => {
    expect(one("Skyreach Regional Airways filed for Chapter 11 late on Monday.", "Monday", "2026-01-20")).toMatchObject({ value: "2026-01-19", subject: "Skyreach Regional Airways" });
    const got = extractClaims("Haneul Interactive said sales rose. Overseas markets generated 58% of sales. Foreign investors hold 31% of its shares. Rival bids are due by March 6. The Bankruptcy Court approved $90 million of financing for Skyreach.", at("2026-01-20"));
    expect(got.every((s) => !["Overseas", "Foreign", "Rival", "Bankruptcy Court"].includes(s.subject))).toBe(true);
    expect(got.find((s) => s.valueText === "58%")?.subject).toBe("Haneul Interactive");
  });
});
