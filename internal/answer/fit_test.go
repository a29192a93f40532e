package answer

import (
	"strings"
	"testing"

	"guillemet/index"
)

func TestSubjectBefore(t *testing.T) {
	for _, c := range []struct {
		before string
		want   bool
	}{
		{"Le Kényan Daniel Kiprotich a ", true},
		{"Chez les femmes, l'Éthiopienne Tigist Bekele s'est ", true},
		{"Trajo a finalement ", true},
		{"Le ", false}, // "Le rachat…"
		{"Pour Karim Benali, délégué, il a ", false},
		{"Jean Dupont, directeur, a ", false}, // an apposition ends before the verb
		{"le maire a ", false},
		{"", false},
	} {
		if got := subjectBefore(c.before, map[string]bool{}); got != c.want {
			t.Errorf("subjectBefore(%q) = %v, want %v", c.before, got, c.want)
		}
	}
	if subjectBefore("Daniel Kiprotich a ", map[string]bool{"kiprotich": true}) {
		t.Error("the name the question holds is not who answers it")
	}
}

func TestInsideName(t *testing.T) {
	for _, c := range []struct {
		para, word string
		want       bool
	}{
		{"président de Nantes Course Organisation, qui pilote", "Course", true},
		{"baptisée Mutuelle bancaire Anjou-Maine, aura", "bancaire", true},
		{"le directeur Jean Dupont a dit", "directeur", false},
		{"C'est Hélène Marchais, directrice générale", "directrice", false},
	} {
		at := strings.Index(c.para, c.word)
		tok := index.Token{Start: at, End: at + len(c.word)}
		if got := insideName(c.para, tok); got != c.want {
			t.Errorf("insideName(%q in %q) = %v, want %v", c.word, c.para, got, c.want)
		}
	}
}

func TestVerbAtTheEnd(t *testing.T) {
	e := portEngine(t)
	for _, c := range []struct {
		question, word string
		verb           bool
	}{
		{"When will the line open?", "open", true},
		{"Who will be the boss of the combined bank?", "bank", false}, // a noun phrase after "of"
		{"How do you make a pizza?", "pizza", false},
		{"When did the strike start?", "start", true},
		{"when did the attack hit exactly", "hit", true},           // a filler after the verb
		{"Who is paying for the new hangar?", "paying for", true},  // a phrasal verb
		{"What did zorglub say about the port?", "zorglub", false}, // after "did", but no English word: a name
	} {
		var got *concept
		q := e.parse(c.question)
		for i := range q.concepts {
			if q.concepts[i].Label == c.word {
				got = &q.concepts[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no concept %q", c.question, c.word)
			continue
		}
		if got.Verb != c.verb {
			t.Errorf("%q: %q verb = %v, want %v", c.question, c.word, got.Verb, c.verb)
		}
	}
}

// TestHyphenatedNames checks that a hyphenated name stays one concept, in
// both languages, even when a part of it means something ("Flight").
func TestHyphenatedNames(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string][]string{
		"When is the 4-Flight system expected at Athis-Mons?":         {"4-flight", "athis-mons"},
		"Pourquoi l'installation de 4-Flight a-t-elle été retardée ?": {"4-flight"},
	} {
		labels := map[string]bool{}
		for _, c := range e.parse(q).concepts {
			labels[c.Label] = true
		}
		for _, w := range want {
			if !labels[w] {
				t.Errorf("%q: no concept %q in %v", q, w, labels)
			}
		}
		for _, part := range []string{"4", "flight", "athis", "mons"} {
			if labels[part] {
				t.Errorf("%q: the name's part %q is a concept of its own", q, part)
			}
		}
	}
}

// TestSubjectImplied checks that the organisation an article is about is
// matched, at a share, by its paragraphs that do not name it.
func TestSubjectImplied(t *testing.T) {
	e := testEngine(t, "testdata/biotech.txt")
	q := e.parse("Who is the main shareholder of Hepalys?")
	var name concept
	for _, c := range q.concepts {
		if c.Label == "hepalys" {
			name = c
		}
	}
	if !name.Required {
		t.Fatalf("no required concept for Hepalys in %+v", q.concepts)
	}
	named, unnamed := e.paras[0][1].terms, e.paras[0][3].terms // "La biotech lyonnaise Hepalys…", "Le fonds Rhône Capital…"
	if f := matchFactor(name, named); f != ownWord {
		t.Errorf("the paragraph that names Hepalys matches it at %v, want %v", f, ownWord)
	}
	if f := matchFactor(name, unnamed); f != implied {
		t.Errorf("the paragraph that does not name Hepalys matches it at %v, want %v", f, implied)
	}
}

func TestMoneyQuestionFit(t *testing.T) {
	e := portEngine(t)
	q := e.parse("How much will the new hangar cost?")
	if !q.money || q.kind != HowMuch {
		t.Fatalf("money %v kind %d", q.money, q.kind)
	}
	date := sentence{features: features{Number: true, Date: true}} // "mardi 14 octobre"
	euros := sentence{features: features{Number: true, Money: true}}
	// both hold a number; the amount of euros gains, the date loses
	if got := q.fit(euros, nil) - q.fit(date, nil); got < 2*moneyBonus-1e-9 {
		t.Errorf("an amount fits a money question %.2f better than a date, want %.2f", got, 2*moneyBonus)
	}
}

func TestHolderFollows(t *testing.T) {
	for _, c := range []struct {
		rest string
		want bool
	}{
		{"Jean Dupont a dit", true},
		{", la famille Dufresne, détenait le titre", true}, // an apposition after a comma
		{", Bernard Lemoine, ancien directeur", true},
		{"du port, qui", false},
		{", qui a démissionné en mars. Marc", false}, // the clause ends first
		{"", false},
	} {
		if got := holderFollows(c.rest, map[string]bool{}); got != c.want {
			t.Errorf("holderFollows(%q) = %v, want %v", c.rest, got, c.want)
		}
	}
	if !agentNoun("vendeur") || !agentNoun("fondatric") || agentNoun("vent") {
		t.Error("agentNoun")
	}
}

func TestTitleBefore(t *testing.T) {
	for _, c := range []struct{ para, name, want string }{
		{"« Assez », dénonce la maire, Sophie Bertin, élue en 2020.", "Sophie Bertin", "maire"},
		{"Le directeur du port Jean Dupont parle.", "Jean Dupont", "directeur"},
		{"Le directeur est parti. Jean Dupont parle.", "Jean Dupont", ""}, // another sentence
		{"Selon Jean Dupont, tout va bien.", "Jean Dupont", ""},
		{"Rien.", "Jean Dupont", ""},
	} {
		if got := titleBefore(c.para, c.name); got != c.want {
			t.Errorf("titleBefore(%q, %q) = %q, want %q", c.para, c.name, got, c.want)
		}
	}
}

// TestPriceQuestion checks how "combien coûte un X" is read: X is the
// focus, and the price verb is met by any amount of euros.
func TestPriceQuestion(t *testing.T) {
	q := portEngine(t).parse("Combien coûtera un ticket ?")
	if q.kind != HowMuch || !q.prices || q.focused != "ticket" && q.focused != "" {
		t.Fatalf("kind %d, prices %v, focus %q", q.kind, q.prices, q.focused)
	}
	priced := false
	for _, c := range q.concepts {
		for _, a := range c.Alts {
			priced = priced || c.Label == "coutera" && len(a.Terms) == 1 && a.Terms[0] == amountTerm
		}
	}
	if !priced {
		t.Errorf("the price verb is not met by an amount: %+v", q.concepts)
	}
	if words, _ := focusWord(splitWords("Combien coûtera un ticket ?")); words != "ticket" {
		t.Errorf("focus %q, want ticket", words)
	}
}

// TestFrenchIntensifiers checks that "autant de", "pris du" and the like
// are no topic of a French question.
func TestFrenchIntensifiers(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]string{
		"Pourquoi ils ont pris autant de retard ?": "retard",
		"Pourquoi ils ont tant de dettes ?":        "dettes",
	} {
		var labels []string
		for _, c := range e.parse(q).concepts {
			labels = append(labels, c.Label)
		}
		if len(labels) != 1 || labels[0] != want {
			t.Errorf("%q: concepts %q, want only %q", q, labels, want)
		}
	}
}

// TestFrenchPhrases checks when a French phrase the lexicon knows, and the
// article never says whole, is matched word by word: when its words meet
// closely in one paragraph ("directeur du projet" for "chef de projet"),
// not through a loose synonym ("chiffre d'affaires" is not "donne son
// interprétation… l'affaire").
func TestFrenchPhrases(t *testing.T) {
	checkAsk(t, testEngine(t, "testdata/eval/metro.txt"), []askCase{
		{"C'est qui le chef de projet ?", "directeur du projet", "Laurent Castaing", ""},
	})
	checkUnanswered(t, defaultEngine(t), []string{"Quel est le chiffre d'affaires de Cloudwatt ?"})
}

// TestLoanwords checks that an English word the article writes as is
// matches as itself only when the article uses it as a word, not only
// inside a name ("union" is not "L'Union maritime").
func TestLoanwords(t *testing.T) {
	e := testEngine(t, "testdata/biotech.txt")
	if !e.writesLower("biotech") {
		t.Error("'La biotech lyonnaise': biotech is a word of the article")
	}
	if e.writesLower("rhone") {
		t.Error("'Rhône Capital': rhone is only a name's")
	}
}

func TestOpensOnName(t *testing.T) {
	asked := map[string]bool{"lunaria": true}
	for s, want := range map[string]bool{
		"Le groupe Redstone Interactive, basé à Austin, a annoncé le rachat.": true,
		"Le groupe américain Redstone a racheté le studio.":                   true,
		"Le studio nantais Lunaria Games passe sous pavillon américain.":      false, // the name asked
		"Le procès de Bernard Le Gall s'est ouvert lundi.":                    false, // a complement
		"Le maire de Château-Gontier, Michel Perrault, craint la fermeture.":  false,
		"« On nous a vendu un rachat pour grandir », dit-il.":                 false,
		"Mais le rachat a été annoncé mardi.":                                 false, // a capital that opens the sentence
		"Perrault a annoncé le rachat.":                                       true,  // a known person
	} {
		if got := opensOnName(s, []string{"perrault"}, asked); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestIdiomNotWordByWord checks that an idiom on a verb is not matched
// by its verb alone: "raised the alarm" is the alert, not a fundraising.
func TestIdiomNotWordByWord(t *testing.T) {
	e := articleEngine(t, "fintech", "Une fintech sous enquête\n\n"+
		"Neuf mois après avoir bouclé une levée de fonds de 45 millions d'euros, la start-up fait l’objet d’une enquête sur ses comptes.\n\n"+
		"L'alerte est venue d’un ancien directeur financier, Julien Morvan, parti en mars.\n")
	checkAsk(t, e, []askCase{{"Who raised the alarm about the accounts?", "L'alerte est venue", "Julien Morvan", ""}})
}

func TestCleft(t *testing.T) {
	asked := map[string]bool{"castel": true}
	for s, want := range map[string]bool{
		"C’est le préfet du Finistère, Alain Castel, qui a signé l’arrêté.": true,
		"C'est Météo-France qui a donné l'alerte.":                          true,
		"C'est la troisième grève qui touche le réseau.":                    false,
		"Le préfet, qui a signé l'arrêté, est Alain Castel.":                false,
		"C'est Castel qui a signé.":                                         false, // the name the question holds
	} {
		if got := cleft(s, asked); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// TestUnnamedPassage checks that a passage naming whom the question names
// ranks above one that only shares its other words.
func TestUnnamedPassage(t *testing.T) {
	e := articleEngine(t, "election", "Élection annulée à Saint-Aubin\n\n"+
		"Le tribunal administratif d’Orléans a annulé, jeudi 14 novembre, le second tour des municipales de Saint-Aubin.\n\n"+
		"Lors de ce scrutin, la liste conduite par le maire sortant Gérard Lemoine avait devancé celle de Sophie Marchal de 14 voix.\n\n"+
		"Dès le 29 septembre, Sophie Marchal a déposé un recours devant la juridiction administrative.\n\n"+
		"Gérard Lemoine conteste cette lecture. « Je n'ai jamais demandé à quiconque de faire voter les résidents de l’EHPAD », affirme l’élu, qui annonce son intention de faire appel devant le Conseil d’État.\n")
	checkAsk(t, e, []askCase{{"Devant quelle juridiction Gérard Lemoine veut-il faire appel ?", "Conseil d’État", "Conseil d’État", ""}})
}

// TestQuotedByRole checks that "what did the prefect say…" is answered by
// what the prefect said, named by role, though little else matches.
func TestQuotedByRole(t *testing.T) {
	e := articleEngine(t, "festival", "Le festival annulé\n\n"+
		"C'est le préfet du Finistère, Alain Castel, qui a signé l'arrêté d'interdiction jeudi. « Nous ne pouvions pas prendre le risque de laisser des milliers de personnes sous des structures exposées », a déclaré le préfet.\n\n"+
		"Les pertes sont estimées à 2,8 millions d'euros pour l'association.\n")
	checkAsk(t, e, []askCase{{"What did the prefect say about keeping the crowds there?", "prendre le risque", "prendre le risque", "Alain Castel"}})
}

// TestAgeOfRole checks that an age answers "quel âge a le directeur ?"
// only when it follows the director, named by role or by name.
func TestAgeOfRole(t *testing.T) {
	e := articleEngine(t, "zoo", "Deux pandas roux au zoo\n\n"+
		"Le directeur du zoo, Marc Dupin, présente les deux petits nés en juin. Leur mère, Lhassa, âgée de six ans, vient du zoo de Rotterdam.\n\n"+
		"La soigneuse en chef, Anne Roy, 41 ans, veille sur eux jour et nuit.\n")
	checkUnanswered(t, e, []string{"Quel âge a le directeur du zoo ?"})
	checkAsk(t, e, []askCase{{"Quel âge a la soigneuse en chef ?", "Anne Roy", "41 ans", ""}})
}

// TestCauseInNextParagraph checks that a why question is answered by the
// next paragraph when the one it matches gives no cause and the next,
// about the same company, explains; not by one that moves on to another
// story ("Ce n'est pas la première faillite").
func TestCauseInNextParagraph(t *testing.T) {
	e := articleEngine(t, "compagnie", "Une compagnie aérienne en liquidation\n\n"+
		"Le tribunal de commerce de Rennes a prononcé la liquidation judiciaire de Breizh Avel, la petite compagnie aérienne régionale basée à Lorient. Fondée en 2011, l'entreprise assurait des liaisons vers Paris et Lyon.\n\n"+
		"La compagnie traînait une dette de 18,6 millions d’euros. Ses difficultés s’expliquent par la flambée du prix du kérosène.\n\n"+
		"Un plan de reprise avait été déposé par le groupe vendéen Atlantique Air Services. Le tribunal l'a rejeté.\n\n"+
		"Ce n'est pas la première faillite dans le ciel breton : en 2019, la compagnie Kerjet avait cessé ses vols, à cause d'une chute de fréquentation.\n")
	checkAsk(t, e, []askCase{
		{"Why did the airline go bust?", "Ses difficultés", "kérosène", ""},
		// what the question does ("take over") picks the company, not the airline it names
		{"Which company tried to take over the airline?", "plan de reprise", "Atlantique Air Services", ""},
	})
	// a paragraph that opens on the cause needs no reference back
	e = articleEngine(t, "usine", "Une papeterie ferme dans les Landes\n\n"+
		"Le groupe papetier suédois Nordvik Paper a annoncé la fermeture définitive de son usine de Tartas d’ici à mars 2026.\n\n"+
		"Selon la direction, la décision s'explique par la chute de la demande en papier d'emballage. « Le site perd de l'argent », a déclaré Henrik Larsson.\n\n"+
		"À Tartas, commune de 3 300 habitants, l'inquiétude dépasse les grilles de l'usine.\n")
	checkAsk(t, e, []askCase{{"Why is the company closing the factory?", "la décision s'explique", "chute de la demande", ""}})
}

// TestRoleIsNoDoing checks that a verb of the question is not done by a
// role noun its translation lists ("ran the item" is not "directeur"),
// nor by one of the commonest words ("leading" is not "premiers").
func TestRoleIsNoDoing(t *testing.T) {
	cs := []concept{{Label: "ran", Verb: true, Alts: []alt{{Terms: []string{"directeur"}, Factor: translation}, {Terms: []string{"exploit"}, Factor: translation}}}}
	if doesAsked(cs, map[string]bool{"directeur": true}) {
		t.Error("a directeur does what 'ran' asks")
	}
	if !doesAsked(cs, map[string]bool{"exploit": true}) {
		t.Error("'exploite' does not do what 'ran' asks")
	}
	leading := []concept{{Label: "leading", Verb: true, Alts: []alt{{Terms: []string{"premi"}, Factor: translation * commonShare}}}}
	if doesAsked(leading, map[string]bool{"premi": true}) {
		t.Error("'les premiers éléments' do what 'leading' asks")
	}
}

// TestWhereIsNotTheNamedPlace checks that a where question is answered by
// a place other than the one it names, a place noun included.
func TestWhereIsNotTheNamedPlace(t *testing.T) {
	e := articleEngine(t, "grele", "La grêle ravage le Beaujolais\n\n"+
		"Le mardi 19 août, un orage d’une rare violence s’est abattu sur le nord du Beaujolais, frappant les coteaux de Fleurie et de Chiroubles.\n\n"+
		"À Fleurie, le maire, Jean-Marc Berthier, a parcouru les vignes dès la fin de l’orage. « On a vu des rangs entiers où il ne reste plus une seule grappe. Des familles perdent une année de travail en un quart d’heure », explique-t-il, la voix nouée. La commune a ouvert une cellule d’écoute à la salle des fêtes, où une cinquantaine de viticulteurs se sont présentés dès jeudi.\n")
	checkAsk(t, e, []askCase{{"Where can upset winegrowers in Fleurie go to talk to someone?", "cellule d’écoute", "salle des fêtes", ""}})
}

// TestInstitutionCapital checks that an institution French capitalises
// ("la Région", "l'État") is met by the common word: "the region".
func TestInstitutionCapital(t *testing.T) {
	e := articleEngine(t, "usine", "Une papeterie ferme dans les Landes\n\n"+
		"Le groupe Nordvik Paper a annoncé la fermeture de son usine de Tartas, qui emploie 212 salariés.\n\n"+
		"Le préfet a promis un accompagnement. De son côté, la Région Nouvelle-Aquitaine a promis une aide de 2 millions d’euros pour la reconversion du site.\n\n"+
		"L'État indemnisera les sous-traitants à hauteur de 300 000 euros.\n\n"+
		"Henri Castel, directeur de la Chambre d'agriculture, estime qu'il manque une centaine de bûcherons.\n")
	checkAsk(t, e, []askCase{
		{"How much cash is the region putting on the table?", "la Région Nouvelle-Aquitaine", "2 millions d’euros", ""},
		{"How much will the state pay the subcontractors?", "L'État indemnisera", "300 000 euros", ""},
		{"Who's the boss of the chamber of agriculture?", "Henri Castel", "Henri Castel", ""},
	})
}

// TestHowManyDoesWhatIsAsked checks that a how-many question prefers the
// sentence that does what it asks: the vehicles that took part in the
// blockade, not the taxis that blocked the airports, counted loosely.
func TestHowManyDoesWhatIsAsked(t *testing.T) {
	checkAsk(t, testEngine(t, "testdata/taxis.txt"), []askCase{{"How many taxis took part in the blockade?", "1 200 véhicules", "1 200 véhicules", ""}})
}
