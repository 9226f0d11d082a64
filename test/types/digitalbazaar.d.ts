// The Digital Bazaar VC stack ships JavaScript without types; the signing test uses it as untyped.
declare module "@digitalbazaar/vc";
declare module "@digitalbazaar/data-integrity";
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
declare module "@digitalbazaar/ed25519-multikey";
declare module "@digitalbazaar/did-method-key";
