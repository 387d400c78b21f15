// The hidden first line of flamediff's sticky pull-request comment: the report writes it, and the
// action and the bot find (and skip) their own comment by it.
export const COMMENT_MARKER = '<!-- flamediff:comment -->';
