/**
 * Words that carry no meaning for matching skills. Three lists: English function words, removed from labels
 * and queries alike; the boilerplate of learning-outcome statements ("Learners can …", "The participant is
 * able to …"), removed from outcome text only; and the words that frame a skill in job ads and CVs
 * ("strong … skills", "knowledge of …"), which count for little beside the words they frame.
 *
 * @module
 */

/** English function words (after {@link tokenise}). Short on purpose: IDF weighting handles the rest. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and or nor but the of to in on at by for from with without into onto over under about as than then " +
    "that this these those which who whom whose what when where while how why is are was were be been being am " +
    "it its it's their them they there his her he she we our you your i me my do does did doing done has have having " +
    "can could will would shall should may might must so such not no yes also very all any each every both either " +
    "neither other others some own same more most less least only just up down out off again further once s etc e g ie eg against within among via per upon"
  ).split(" "),
);

/** Words that name who learns, with which outcome statements open ("The learner can …", "Participants will …"). */
export const LEARNER_WORDS: ReadonlySet<string> = new Set(
  (
    "learner learners student students participant participants trainee trainees apprentice apprentices pupil pupils " +
    "graduate graduates candidate candidates"
  ).split(" "),
);

/**
 * Words typical of learning-outcome statements that say nothing about the skill: who learns and the
 * modal frame ("learners will be able to", "the participant can", "demonstrate the ability to").
 */
export const OUTCOME_WORDS: ReadonlySet<string> = new Set([
  ...LEARNER_WORDS,
  ...(
    "successful successfully completion able ability capable demonstrate demonstrates demonstrating competent " +
    "competently independently correctly effectively appropriately"
  ).split(" "),
]);

/**
 * Words with which job ads, CVs and competence profiles frame a skill rather than name it ("strong
 * communication skills", "knowledge of SAP", "proven experience in project management", "proficient in
 * Excel"). They are real label words too ("knowledge management", "assess skills"), so they are not dropped:
 * beside another content word of the query they weigh {@link FRAME_WEIGHT} of their IDF, so that the framed
 * words decide the match (folded forms, as queries are tokenised).
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    "skill skills skilled knowledge knowledgeable experience experienced expertise proficient proficiency " +
    "familiar familiarity understanding strong excellent good solid proven sound thorough"
  ).split(" "),
);

/** Weight share of a {@link FRAME_WORDS} word beside other content words. */
export const FRAME_WEIGHT = 0.25;
