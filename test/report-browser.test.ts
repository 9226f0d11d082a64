/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML reports in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * puppeteer-core. Checks that the page loads with no console error and no network request, that the key
 * elements are there, and writes a screenshot to .tmp/test-artifacts/. Skips with a message where no
 * browser is installed (set CHROMIUM_PATH to use another one).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { importEsco, importEscoToFile } from "green-skills/node";
import { cli } from "./helpers/cli.js";
import { URI, validDefinition } from "./helpers/credential-fixture.js";
import { fixtureCredential, newerFixture, olderFixture, S } from "./helpers/diff-fixtures.js";
import { baseFixture, skillUri, writeEscoFixture } from "./helpers/esco-fixture.js";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser)
  process.stderr.write(
    `[green-skills tests] report-browser: skipped, no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
  );
const ARTIFACTS = join(PROJECT_ROOT, ".tmp", "test-artifacts");

const dir = mkdtempSync(join(tmpdir(), "gs-report-"));
const bundle = join(dir, "esco.gsb");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(hasBrowser ? describe : describe.skip)(
  `HTML reports in headless Chromium${hasBrowser ? "" : ` [skipped: no browser at ${CHROMIUM}]`}`,
  () => {
    let browser: import("puppeteer-core").Browser;
    beforeAll(async () => {
      await importEscoToFile(writeEscoFixture(join(dir, "esco"), baseFixture()), bundle, { workers: false });
      const { launch } = await import("puppeteer-core");
      browser = await launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${mkdtempSync(join(tmpdir(), "gs-chromium-"))}`,
        ],
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });

    async function open(file: string, screenshot: string) {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warn") problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`pageerror: ${String(e)}`));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
      return { page, problems, requests };
    }

    it("validate --format html: checklist, outcomes, issues with fixes, coverage bars, GreenComp, no console errors, offline", async () => {
      const good = validDefinition();
      const weak = validDefinition();
      weak.title = { en: "Welding basics" };
      weak.learningOutcomes[0].esco = ["http://data.europa.eu/esco/skill/00000000-0000-4000-8000-00000000dead"];
      weak.targetOccupations = [URI.welder];
      writeFileSync(join(dir, "good.yaml"), stringify(good));
      writeFileSync(join(dir, "weak.yaml"), stringify(weak));
      const out = join(dir, "report.html");
      const { code, stderr } = await cli([
        "validate",
        join(dir, "good.yaml"),
        join(dir, "weak.yaml"),
        "--esco",
        bundle,
        "--format",
        "html",
        "--out",
        out,
      ]);
      expect(stderr).toContain("wrote");
      expect(code).toBe(1);
      const { page, problems, requests } = await open(out, "validate-report.png");
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const facts = await page.evaluate(() => ({
        h1: document.querySelector("h1")?.textContent,
        lang: document.documentElement.lang,
        credentials: document.querySelectorAll("section.credential").length,
        summaryRows: document.querySelectorAll("#summary + table tbody tr").length,
        checklists: [...document.querySelectorAll("caption")].filter((c) => c.textContent?.includes("Annex I")).length,
        bars: [...document.querySelectorAll("svg[role=img]")].map((s) => s.getAttribute("aria-label")),
        fixes: document.querySelectorAll(".fix").length,
        green: document.querySelectorAll(".green").length,
        coverage: [...document.querySelectorAll("section.coverage h4")].map((h) => h.textContent),
        greenComp: [...document.querySelectorAll("h3")].some((h) => h.textContent === "GreenComp areas"),
        headersHaveScope: [...document.querySelectorAll("thead th")].every((th) => th.getAttribute("scope") === "col"),
      }));
      expect(facts.h1).toBe("Validation of 2 files");
      expect(facts.lang).toBe("en");
      expect(facts.credentials).toBe(2);
      expect(facts.summaryRows).toBe(2);
      expect(facts.checklists).toBe(2);
      expect(facts.bars.some((b) => b?.startsWith("essential skills covered:"))).toBe(true);
      expect(facts.bars.some((b) => b?.startsWith("optional skills covered:"))).toBe(true);
      expect(facts.fixes).toBeGreaterThan(0);
      expect(facts.green).toBeGreaterThan(0);
      expect(facts.coverage.some((t) => t?.startsWith("heat pump installer"))).toBe(true);
      expect(facts.coverage.some((t) => t?.startsWith("welder"))).toBe(true);
      expect(facts.greenComp).toBe(true);
      expect(facts.headersHaveScope).toBe(true);
      // Printable: the print stylesheet applies and a PDF can be made.
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(1000);
      await page.close();
    }, 120_000);

    it("gap --format html shows the occupation's coverage bars", async () => {
      writeFileSync(join(dir, "gap.yaml"), stringify(validDefinition()));
      const out = join(dir, "gap.html");
      expect(
        (
          await cli([
            "gap",
            join(dir, "gap.yaml"),
            "--occupation",
            "heat pump installer",
            "--esco",
            bundle,
            "--format",
            "html",
            "--out",
            out,
          ])
        ).code,
      ).toBe(0);
      const { page, problems } = await open(out, "gap-report.png");
      expect(problems).toEqual([]);
      const bars = await page.$$eval("svg[role=img]", (svgs) => svgs.map((s) => s.getAttribute("aria-label")));
      expect(bars).toContain("essential skills covered: 2 of 3 (67%)");
      expect(await page.$$eval("table tbody tr", (rows) => rows.length)).toBe(5);
      await page.close();
    }, 60_000);

    it("diff --format html: summary, the designer's changes with URIs, each credential's migration, no console errors, offline", async () => {
      const [a, b] = await Promise.all([
        importEsco(writeEscoFixture(join(dir, "older"), olderFixture(), { layout: "v1.2.1", folder: "ESCO-v1.2.0" }), {
          workers: false,
        }),
        importEsco(writeEscoFixture(join(dir, "newer"), newerFixture(), { layout: "v1.2.1", folder: "ESCO-v1.2.1" }), {
          workers: false,
        }),
      ]);
      writeFileSync(join(dir, "older.gsb"), a.bundle);
      writeFileSync(join(dir, "newer.gsb"), b.bundle);
      writeFileSync(join(dir, "heat-pump.yaml"), stringify(fixtureCredential()));
      const out = join(dir, "diff.html");
      const { code, stderr } = await cli([
        "diff",
        join(dir, "older.gsb"),
        join(dir, "newer.gsb"),
        "--credentials",
        join(dir, "heat-pump.yaml"),
        "--format",
        "html",
        "--out",
        out,
      ]);
      expect(stderr).toMatch(/^wrote .*diff\.html\n/);
      expect(code).toBe(1);
      const { page, problems, requests } = await open(out, "diff-report.png");
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const facts = await page.evaluate(() => {
        const rows = (selector: string) =>
          [...document.querySelectorAll(`${selector} tbody tr`)].map((tr) =>
            [...tr.children].map((c) => c.textContent?.trim() ?? ""),
          );
        return {
          h1: document.querySelector("h1")?.textContent,
          versions: rows("#versions").map((r) => r.slice(0, 2)),
          counts: rows("#counts").map((r) => r[0]),
          removed: rows("#removed-table"),
          obsoleted: rows("#obsoleted-table").map((r) => r[0]),
          relabelled: rows("#relabelled-table").map((r) => r[3] ?? ""),
          leftGreen: rows("#left-green-table").map((r) => r[2]),
          joinedGreen: rows("#joined-green-table").map((r) => r[2]),
          credentials: rows("#credential-summary").map((r) => r[2]),
          mappings: rows("table.mappings").map((r) => ({
            where: r[0] ?? "",
            status: r[2] ?? "",
            migration: r[4] ?? "",
          })),
          headersHaveScope: [...document.querySelectorAll("thead th")].every(
            (th) => th.getAttribute("scope") === "col",
          ),
          scripts: document.scripts.length,
        };
      });
      expect(facts.h1).toBe("ESCO v1.2.0 → ESCO v1.2.1");
      expect(facts.versions).toEqual([
        ["Older", "ESCO v1.2.0"],
        ["Newer", "ESCO v1.2.1"],
      ]);
      expect(facts.counts).toContain("Concepts removed");
      expect(facts.counts).toContain("Collection membership");
      expect(facts.removed.map((r) => r[0])).toContain("maintain heat pump");
      expect(facts.removed.map((r) => r[2])).toContain(skillUri(S.maintain));
      expect(facts.obsoleted.length).toBe(1);
      expect(facts.relabelled.some((t) => t.includes("energy efficiency principles"))).toBe(true);
      expect(facts.leftGreen).toContain(skillUri(S.strips));
      expect(facts.joinedGreen).toContain(skillUri(S.insulation));
      expect(facts.credentials).toEqual(["broken"]);
      const maintain = facts.mappings.find((m) => m.where.startsWith("learningOutcomes[0].esco[1]"));
      expect(maintain?.status).toBe("✖ broken");
      expect(maintain?.migration).toMatch(/^maintain heat pumps \(score 0\.\d\d\)/);
      expect(maintain?.migration).toContain(skillUri(S.maintainNew));
      expect(facts.headersHaveScope).toBe(true);
      expect(facts.scripts).toBe(0);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(1000);
      await page.close();
    }, 120_000);
  },
);
