/** The `stopword` package ships no types: its default export maps ISO 639-3 codes to word lists. */
declare module "stopword" {
  const lists: Record<string, readonly string[] | undefined>;
  export default lists;
}
