/**
 * Signing our Open Badges exports as an integrator would: Digital Bazaar's VC library with a
 * Data Integrity proof (eddsa-rdfc-2022) made by an Ed25519 did:key, verified, and a tampered copy
 * refused. Offline: the document loader serves the contexts from ../shared/standards and from the
 * package, and resolves did:key locally; any other URL fails.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as DidKey from "@digitalbazaar/did-method-key";
import { cryptosuite as eddsaRdfc2022CryptoSuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { beforeAll, expect, it } from "vitest";
import { type MicroCredential, type Taxonomy, parseCredential, toOpenBadgeCredential } from "green-skills";
import { readCredentialFile, readIssuedCredentialFile } from "green-skills/node";
import { loadDefaultTaxonomy } from "green-skills/data";
import { PROJECT_ROOT } from "./helpers/shared-esco.js";
import { describeWithStandards, documentLoader as contexts, openBadgeValidators } from "./helpers/standards.js";

const EXAMPLES = join(PROJECT_ROOT, "taxonomy/examples");
const didKeyDriver = DidKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });

/** Contexts from disk, did:key from the driver, nothing from the network. */
async function documentLoader(url: string) {
  if (url.startsWith("did:key:"))
    return { contextUrl: null, documentUrl: url, document: await didKeyDriver.get({ url }) };
  return contexts(url);
}

async function exported(
  taxonomy: Taxonomy,
  issuerId: string,
): Promise<{ name: string; credential: Record<string, unknown> }[]> {
  const out: { name: string; credential: Record<string, unknown> }[] = [];
  for (const file of readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const path = join(EXAMPLES, file);
    let issued;
    if (file.startsWith("issued-")) issued = (await readIssuedCredentialFile(path)).data!;
    else {
      const definition = parseCredential((await readCredentialFile(path)).value).data as MicroCredential;
      issued = {
        id: `urn:uuid:5a0e6f39-1c1d-4b5e-9a53-${String(out.length).padStart(12, "0")}`,
        definition,
        learner: { fullName: "Test Learner", email: "learner@example.org" },
        issued: "2026-07-01",
        grade: definition.gradeScheme?.pass ?? "passed",
      };
    }
    out.push({
      name: file,
      credential: toOpenBadgeCredential(taxonomy, issued, { issuer: { id: issuerId } }).document as unknown as Record<
        string,
        unknown
      >,
    });
  }
  return out;
}

describeWithStandards(
  "Open Badges exports sign and verify with @digitalbazaar/vc (eddsa-rdfc-2022, did:key), offline",
  () => {
    let taxonomy: Taxonomy;
    let key: { id: string; controller: string; signer(): unknown };
    beforeAll(async () => {
      taxonomy = await loadDefaultTaxonomy();
      const verificationKeyPair = await Ed25519Multikey.generate();
      const { didDocument, methodFor } = await didKeyDriver.fromKeyPair({ verificationKeyPair });
      // The did:key's assertion method, with the secret key of the pair it was made from.
      verificationKeyPair.id = methodFor({ purpose: "assertionMethod" }).id;
      verificationKeyPair.controller = didDocument.id;
      key = verificationKeyPair;
    });

    it("every example: signed, verified, and a tampered copy fails", async () => {
      const credentials = await exported(taxonomy, key.controller);
      expect(credentials.length).toBeGreaterThan(5);
      for (const { name, credential } of credentials) {
        const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022CryptoSuite });
        const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
        expect(signed.proof, name).toMatchObject({
          type: "DataIntegrityProof",
          cryptosuite: "eddsa-rdfc-2022",
          verificationMethod: key.id,
        });

        const verifier = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });
        const verified = await vc.verifyCredential({ credential: signed, suite: verifier, documentLoader });
        expect(verified.error, name).toBeUndefined();
        expect(verified.verified, name).toBe(true);

        // The strict OB schema wants proof as an array; VC libraries write one object. Both verify.
        const asArray = { ...signed, proof: [signed.proof] };
        expect(openBadgeValidators().formal(asArray).errors, name).toEqual([]);
        expect(
          (await vc.verifyCredential({ credential: asArray, suite: verifier, documentLoader })).verified,
          name,
        ).toBe(true);

        const tampered = structuredClone(signed) as { credentialSubject: { achievement: Record<string, unknown> } };
        tampered.credentialSubject.achievement["ext:notionalWorkload"] = { "ext:ects": 60 };
        const refused = await vc.verifyCredential({ credential: tampered, suite: verifier, documentLoader });
        expect(refused.verified, name).toBe(false);
      }
    }, 120_000);
  },
);
