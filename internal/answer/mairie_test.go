package answer

import (
	"testing"
)

// TestAskUnseenShapes asks testdata/mairie.txt, a made-up article, the
// shapes of question that first failed on articles the engine had never
// seen: an acronym the article spells out, a compound, a name with a
// particle, slang and clipped French, a phrase the lexicon lacks.
func TestAskUnseenShapes(t *testing.T) {
	checkAsk(t, testEngine(t, "testdata/mairie.txt"), []askCase{
		// the article writes "directrice générale des services", never DGS
		{"C'est qui la DGS ?", "directrice générale des services", "Anne Morel", ""},
		// "qui parle dans l'article" asks who, "l'article" is no word to match
		{"C'est qui la DGS qui parle dans l'article ?", "directrice générale des services", "Anne Morel", ""},
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
		// the cause in the paragraph answers why, though it matches none of the words
		{"Why did the police come?", "en raison d'une plainte", "en raison d'une plainte", ""},
		// what something is called: the sentence that gives a name
		{"What's the virus called?", "Gorgone", "Gorgone", ""},
		{"Quel est le nom du virus ?", "Gorgone", "Gorgone", ""},
		// "combien d'argent": any amount of money is the money asked for
		{"Combien d'argent pour la rénovation ?", "plan de rénovation", "3 millions d'euros", ""},
		// "PV", which the thesaurus renders: procès-verbaux
		{"Les policiers ont mis combien de PV ?", "procès-verbaux", "trois procès-verbaux", ""},
		// the age right after the name asked about
		{"How old is Paul Le Bihan?", "Paul Le Bihan, 58 ans", "58 ans", ""},
		// what someone asks for follows the verb, not the sentence that names them in full
		{"qu'est-ce que demande l'asso des usagers", "association des usagers", "réouverture du guichet", ""},
		{"What do the residents' association want?", "association des usagers", "réouverture du guichet", ""},
	})
}

// TestAskUnseenNearMisses asks what testdata/mairie.txt does not say, in
// words it does use.
func TestAskUnseenNearMisses(t *testing.T) {
	checkUnanswered(t, testEngine(t, "testdata/mairie.txt"), []string{
		"Quel âge a Marc Guillou ?",             // 58 ans is Le Bihan's age, in Guillou's paragraph
		"Who won the Tour de France last year?", // "l'an dernier" is in two paragraphs, and no sign of a topic
		"Qui a gagné le Tour de France l'an dernier ?",
		"How many votes did Julie Caradec get?", // her paragraph has numbers, of euros
		"How much does Julie Caradec get paid?", // an amount, but no salary
		"Combien il gagne par mois, Paul Le Bihan ?",
		"Comment s'appelle le policier qui a perquisitionné ?", // the article names no policeman
		"What's the name of the officer who searched the offices?",
		"How much did the police search cost?", // no euros in that paragraph
		"How do I renovate my office?",         // advice, not news: only all of it would do
		"Can you recommend a good virus scanner?",
		"What does ANSSI stand for?", // an acronym the article never uses
		"What does DGSI stand for?",  // "des services, l'intrusion" spells no DGSI
	})
}
