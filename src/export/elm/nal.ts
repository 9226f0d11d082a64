/**
 * EU Named Authority Lists (Publications Office) that ELM uses for countries and languages: ISO 3166-1
 * alpha-2 → the Country NAL code, and language codes → the Language NAL code.
 *
 * @module
 */
import { lookup } from "../../lookup.js";

// alpha-2 + NAL code per entry ("DEDEU" = DE → DEU). The Country NAL uses the ISO 3166-1 alpha-3 codes;
// test/export-elm.test.ts checks this table against i18n-iso-countries. XK → XKK is that package's code
// for Kosovo; the NAL's own code for Kosovo has not been checked.
const COUNTRIES =
  "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH " +
  "BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT " +
  "BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB " +
  "CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP " +
  "ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB " +
  "GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL " +
  "ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM " +
  "KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY " +
  "MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT " +
  "MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU " +
  "NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT " +
  "REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR " +
  "SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS " +
  "TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN " +
  "VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM XKXKK YEYEM YTMYT ZAZAF ZMZMB ZWZWE";

const COUNTRY = new Map(COUNTRIES.split(" ").map((e) => [e.slice(0, 2), e.slice(2)]));

// The Language NAL codes of the 28 ESCO languages (the 24 EU languages, Icelandic, Norwegian, Ukrainian,
// Arabic) and a few more European ones.
const LANGUAGES: Record<string, string> = {
  bg: "BUL",
  cs: "CES",
  da: "DAN",
  de: "DEU",
  el: "ELL",
  en: "ENG",
  es: "SPA",
  et: "EST",
  fi: "FIN",
  fr: "FRA",
  ga: "GLE",
  hr: "HRV",
  hu: "HUN",
  it: "ITA",
  lt: "LIT",
  lv: "LAV",
  mt: "MLT",
  nl: "NLD",
  pl: "POL",
  pt: "POR",
  ro: "RON",
  sk: "SLK",
  sl: "SLV",
  sv: "SWE",
  is: "ISL",
  no: "NOR",
  nb: "NOB",
  nn: "NNO",
  uk: "UKR",
  ar: "ARA",
  ca: "CAT",
  eu: "EUS",
  gl: "GLG",
  lb: "LTZ",
  sq: "SQI",
  mk: "MKD",
  sr: "SRP",
  bs: "BOS",
  tr: "TUR",
  ru: "RUS",
};

/** English name of a region or language code, from Intl where it knows it. */
function englishName(code: string, type: "region" | "language"): string {
  try {
    return new Intl.DisplayNames(["en"], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** @internal The Country NAL code of an ISO 3166-1 alpha-2 code (`DE` → `DEU`), if known. */
export function countryNal(alpha2: string): { code: string; name: string } | undefined {
  const code = COUNTRY.get(alpha2.toUpperCase());
  return code ? { code, name: englishName(alpha2.toUpperCase(), "region") } : undefined;
}

/** @internal The Language NAL code and English name of a language code (`en`, `pt-BR` → `ENG`, `POR`), if known. */
export function languageNal(code: string): { code: string; name: string } | undefined {
  const base = code.toLowerCase().split("-")[0]!;
  const nal = lookup(LANGUAGES, base);
  return nal ? { code: nal, name: englishName(base, "language") } : undefined;
}

const ALPHA2 = new Map([...COUNTRY].map(([a2, nal]) => [nal, a2]));

/** @internal The ISO 3166-1 alpha-2 code of a Country NAL code or URI (`DEU`, `…/country/DEU` → `DE`), if known. */
export function countryAlpha2(nal: string): string | undefined {
  return ALPHA2.get(nal.slice(nal.lastIndexOf("/") + 1).toUpperCase());
}
