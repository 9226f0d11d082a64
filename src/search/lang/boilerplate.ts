import { foldText } from "../fold-text.js";

/**
 * Learning-outcome boilerplate per language: the words that say who learns and the modal frame ("Il
 * discente è in grado di …", "El alumno será capaz de …", "De deelnemer kan …", "Die Lernenden können …",
 * "L'apprenant est capable de …", "Opiskelija osaa …", "Обучаемият може да …"). Like the English list
 * (`../stopwords.ts`, `OUTCOME_WORDS`, unchanged), these are dropped from free text only, never from
 * labels. Words are folded (no accents, lower case); function words ("di", "de", "da") are in the stopword
 * lists already.
 *
 * @module
 */

const LISTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    bg: "обучаемият обучаемите обучаем обучаеми учащият учащите учащ учащи студентът студентите студент студенти участникът участниците участник участници курсистът курсистите курсист курсисти може могат умее умеят способен способна способни успешно демонстрира демонстрират",
    de: "lernende lernenden lerner lernerin lernerinnen teilnehmende teilnehmenden teilnehmer teilnehmerin teilnehmerinnen studierende studierenden schuler schulerin schulerinnen auszubildende auszubildenden absolvent absolventen konnen kann sind ist sein fahig fahigkeit imstande lage erfolgreich selbststandig nachweisen",
    es: "alumno alumna alumnos alumnas estudiante estudiantes participante participantes aprendiz aprendices discente discentes sera seran capaz capaces podra podran puede pueden habilidad demostrar demuestra exito correctamente",
    fi: "opiskelija opiskelijat oppija oppijat osallistuja osallistujat opiskelijan osaa osaavat pystyy pystyvat kykenee kykenevat hallitsee hallitsevat tuntee tuntevat taitaa",
    fr: "apprenant apprenante apprenants apprenantes etudiant etudiante etudiants etudiantes participant participante participants participantes stagiaire stagiaires eleve eleves capable capables capacite mesure sait savent peut peuvent pourra pourront demontrer reussir",
    it: "discente discenti studente studenti studentessa partecipante partecipanti allievo allievi apprendista corsista corsisti grado capace capaci capacita sapra sapranno puo possono potra potranno dimostrare successo",
    nl: "deelnemer deelnemers student studenten leerling leerlingen cursist cursisten lerende lerenden kan kunnen zal zullen staat bekwaam vermogen aantonen succesvol",
    pt: "aluno aluna alunos alunas formando formandos formanda participante participantes estudante estudantes sera serao capaz capazes podera poderao pode podem demonstrar",
  }),
);

const cache = new Map<string, ReadonlySet<string>>();

/** The outcome boilerplate words of `lang` (folded), empty where the language has no list. */
export function boilerplateOf(lang: string): ReadonlySet<string> {
  let set = cache.get(lang);
  if (!set) cache.set(lang, (set = new Set((LISTS.get(lang)?.split(" ") ?? []).map((w) => foldText(w)))));
  return set;
}

/** Languages with an outcome boilerplate list here (English has its own, in `../stopwords.ts`). */
export const BOILERPLATE_LANGUAGES: readonly string[] = [...LISTS.keys()];
