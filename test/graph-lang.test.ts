import { describe, expect, it } from "vitest";
import { toGraph } from "green-skills";
import { baseFixture, fid, skillUri } from "./helpers/esco-fixture.js";
import { fixtureTaxonomy } from "./helpers/fixture-taxonomy.js";

describe("toGraph options", () => {
  it("labels nodes in the language asked for (the option survives the options check)", async () => {
    const taxonomy = await fixtureTaxonomy(baseFixture(), { layout: "v1.2.1", languages: ["en", "de"] });
    const heatPump = skillUri(fid(101));
    expect(toGraph(taxonomy).getNodeAttribute(heatPump, "label")).toBe("install heat pump");
    expect(toGraph(taxonomy, { lang: "de" }).getNodeAttribute(heatPump, "label")).toBe("Wärmepumpe installieren");
  });
});
