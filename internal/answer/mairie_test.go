package answer

import "testing"

// TestAskUnseenShapes asks testdata/mairie.txt, a made-up article, the
// shapes of question that first failed on articles the engine had never
// seen: an acronym the article spells out, a compound, a name with a
// particle, slang and clipped French, a phrase the lexicon lacks.
func TestAskUnseenShapes(t *testing.T) {
	checkAsk(t, testEngine(t, "testdata/mairie.txt"), []askCase{
		// the article writes "directrice générale des services", never DGS
		{"C'est qui la DGS ?", "directrice générale des services", "Anne Morel", ""},
		// "cyberattaque" is an attack
		{"When did the attack hit?", "nuit du 3 au 4 février", "4 février", ""},
		// slang: flics are policiers, fouiller is perquisitionner
		{"Les flics ont fouillé les locaux quand ?", "perquisitionné les locaux", "12 février", ""},
		// "Le Bihan" is one name; "why … his job" asks why, not his role
		{"Why did Paul Le Bihan quit his job?", "a démissionné", "faute de soutien", ""},
		// "il a dit": avoir, then a verb of saying; a quoted denial is what he said
		{"Il a dit quoi, Le Bihan ?", "failles du système", "jamais caché", "Paul Le Bihan"},
		// "asso" is the article's "association"
		{"Qu'est-ce qu'en dit l'asso des commerçants ?", "association des commerçants", "", ""},
		// "how did … happen" asks for the means, worded as a cause
		{"How did the intrusion happen?", "s'explique par", "mot de passe", ""},
		// "housing plan" is not in the lexicon; its words are in one paragraph
		{"How many homes does the housing plan include?", "24 logements", "24 logements", ""},
	})
}
