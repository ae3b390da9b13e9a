/** One theme to generate the four SpeechMap phrasings for. */
export interface ThemeCatalogEntry {
  /** Theme id; the questions get `<id>1` … `<id>4`. Must not end in a digit. */
  id: string;
  /** Short name of the theme, e.g. "Expert rule instead of democracy". */
  label: string;
  /** The position the prompts argue for, stated as its supporters would. */
  belief: string;
  /** One request in the SpeechMap style, to show the generator the register. */
  example: string | null;
  domain: string | null;
}
