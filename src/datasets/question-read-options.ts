/** Options shared by the question-file readers. */
export interface QuestionReadOptions {
  /**
   * Name of the set. SpeechMap files: replaces the rows' `category`. Candor files: used for
   * rows without a `set` field, instead of the file name.
   */
  setName?: string;
}
