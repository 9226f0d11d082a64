// Minimal declarations for the test-only RDF packages that ship no types (jsonld 9, n3 2, @rdfjs/dataset 2).
declare module "jsonld" {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface JsonLdOptions {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
    format?: "application/n-quads";
  }
  const jsonld: {
    expand(input: unknown, options?: JsonLdOptions): Promise<Record<string, unknown>[]>;
    toRDF(input: unknown, options?: JsonLdOptions): Promise<string>;
  };
  export default jsonld;
}

declare module "n3" {
  import type { Quad } from "@rdfjs/types";
  export class Parser {
    constructor(options?: { format?: string; baseIRI?: string });
    parse(input: string): Quad[];
  }
}

declare module "@rdfjs/dataset" {
  import type { DatasetCore, Quad } from "@rdfjs/types";
  const factory: { dataset(quads?: Quad[]): DatasetCore };
  export default factory;
}
