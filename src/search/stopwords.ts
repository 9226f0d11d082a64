/**
 * Words that carry no meaning for matching skills. Two lists: English function words, removed from labels
 * and queries alike; and the boilerplate of learning-outcome statements ("Learners can …", "The
 * participant is able to …"), removed from outcome text only.
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

/**
 * Words typical of learning-outcome statements that say nothing about the skill: who learns and the
 * modal frame ("learners will be able to", "the participant can", "demonstrate the ability to").
 */
export const OUTCOME_WORDS: ReadonlySet<string> = new Set(
  (
    "learner learners student students participant participants trainee trainees apprentice apprentices pupil pupils " +
    "graduate graduates candidate candidates successful successfully completion able ability capable demonstrate " +
    "demonstrates demonstrating competent competently independently correctly effectively appropriately"
  ).split(" "),
);
