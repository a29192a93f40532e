package article

import (
	"testing"

	"guillemet/internal/guillemet"
)

// attributionTest is a made-up snippet and the speakers of its quotations,
// in order.
type attributionTest struct {
	name, text string
	want       []string
}

func runAttributions(t *testing.T, tests []attributionTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse("t", tt.text)
			var got []string
			for _, q := range a.Quotes {
				got = append(got, q.Speaker)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("speakers = %q, want %q (people %+v)", got, tt.want, a.People)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d speaker = %q, want %q (people %+v)", i, got[i], tt.want[i], a.People)
				}
			}
		})
	}
}

// Reflexive speech verbs after a quotation: s'interroge X, se défend X,
// s'est félicité X, s'est-il emporté, with either apostrophe.
func TestReflexiveCues(t *testing.T) {
	runAttributions(t, []attributionTest{
		{"compound past", "Le club a gagné. « C’est une belle saison », s’est félicité Marc Aubert, président du club.", []string{"Marc Aubert"}},
		{"compound past, feminine", "« Enfin », s'est félicitée Lucie Varenne.", []string{"Lucie Varenne"}},
		{"irregular participle", "« Quelle joie », s’est réjoui Paul Durand.", []string{"Paul Durand"}},
		{"present", "« Qui va payer ? », s’interroge Anne Roy, habitante du quartier.", []string{"Anne Roy"}},
		{"curly quotes and question mark", "“Qui va payer ?”, s’inquiète Anne Roy, qui tient un café.", []string{"Anne Roy"}},
		{"se", "« Je n’ai rien caché », se défend Paul Durand.", []string{"Paul Durand"}},
		{"se and a title", "Anne Roy, ministre, répond. « Rien n’a été fait », se désole la ministre.", []string{"Anne Roy"}},
		{"s'insurge", "« C’est indigne », s'insurge Nina Leroux, militante.", []string{"Nina Leroux"}},
		{"s'étonne", "« Personne ne nous a prévenus », s’étonne Marc Aubert.", []string{"Marc Aubert"}},
		{"s'emporte", "« Assez ! », s’emporte Paul Durand.", []string{"Paul Durand"}},
		{"inverted", "Anne Roy et Paul Durand débattent. « Pourquoi ? », s’interroge-t-elle.", []string{"Anne Roy"}},
		{"inverted compound past", "Anne Roy et Paul Durand débattent. « Jamais », s’est-il emporté.", []string{"Paul Durand"}},
		{"reflexive before the quotation", "Paul Durand s’est réjoui : « Enfin ! »", []string{"Paul Durand"}},
		{"se souvient", "« C’était un autre monde », se souvient Odile Marchal, 80 ans.", []string{"Odile Marchal"}},
		{"object pronoun", "Anne Roy parle à Paul Durand. « J’assume », nous a-t-il confié.", []string{"Paul Durand"}},
		{"object pronoun and a name", "« J’assume », m’a dit Paul Durand.", []string{"Paul Durand"}},
		{"not a reflexive cue", "« Oui », dit Paul Durand. « Non », s’il le faut.", []string{"Paul Durand", "Paul Durand"}},
	})
}

// A title, its complement and the name in apposition after a speech
// verb: the name speaks, and holds the title.
func TestTitleThenName(t *testing.T) {
	runAttributions(t, []attributionTest{
		{"a réagi", "« Oui », dit Paul Durand. « C’est une bonne nouvelle », a réagi la ministre de la Culture, Anne Roy, en visite.", []string{"Paul Durand", "Anne Roy"}},
		{"réagit", "« Oui », dit Paul Durand. « Trop tard », réagit le directeur de l’école, Marc Aubert.", []string{"Paul Durand", "Marc Aubert"}},
		{"a commenté", "Paul Durand parle. « Bravo », a commenté le président du club, Luc Vidal, au micro.", []string{"Luc Vidal"}},
		{"a tranché", "« Non », dit Paul Durand. « Si », a tranché le préfet du Rhône, Marc Lenoir.", []string{"Paul Durand", "Marc Lenoir"}},
		{"a prévenu", "« Non », dit Paul Durand. « Attention », a prévenu la présidente de la région, Carole Vasson, qui arrive.", []string{"Paul Durand", "Carole Vasson"}},
		{"a lancé", "« Non », dit Paul Durand. « Nous verrons », a lancé le maire, Luc Vidal.", []string{"Paul Durand", "Luc Vidal"}},
		{"a martelé", "« Non », dit Paul Durand. « Jamais », a martelé le ministre de l'Intérieur, Marc Lenoir, qui refuse.", []string{"Paul Durand", "Marc Lenoir"}},
		{"an adverb between", "« Oui », dit Paul Durand. « Non », a annoncé lundi la préfète de l’Hérault, Agathe Morin.", []string{"Paul Durand", "Agathe Morin"}},
		{"source", "Selon le ministre de l’Agriculture, Luc Vidal, « rien ne presse ».", []string{"Luc Vidal"}},
		{"subject", "Paul Durand parle. Le ministre de l’Agriculture, Luc Vidal, juge « prématurée » la décision.", []string{"Luc Vidal"}},
		{"the title alone", "Anne Roy, ministre, arrive. « Oui », dit Paul Durand. « Non », a réagi la ministre.", []string{"Paul Durand", "Anne Roy"}},
		{"a person in the complement is not the speaker", "Marc Aubert arrive. « Oui », a réagi le conseiller de Anne Roy.", []string{"Marc Aubert"}},
	})
	checkPeople(t, Parse("t", "« Oui », a tranché la ministre de la Culture, Anne Roy.").People, []guillemet.Person{
		{Name: "Anne Roy", Role: "ministre de la Culture", Gender: guillemet.Female},
	})
	checkPeople(t, Parse("t", "« Oui », a prévenu le président de la région, Aurèle Vasson, hier.").People, []guillemet.Person{
		{Name: "Aurèle Vasson", Role: "président de la région", Gender: guillemet.Male},
	})
	checkPeople(t, Parse("t", "« Non », a annoncé lundi la préfète de l’Hérault, Agathe Morin.").People, []guillemet.Person{
		{Name: "Agathe Morin", Role: "préfète de l’Hérault", Gender: guillemet.Female},
	})
	checkPeople(t, Parse("t", "« Oui », a prévenu Claire Mazel, sous-préfète chargée du dossier.").People, []guillemet.Person{
		{Name: "Claire Mazel", Role: "sous-préfète chargée du dossier", Gender: guillemet.Female},
	})
}

// Organisations are not people, and an organisation as subject gives a
// quotation no speaker rather than the person named last.
func TestOrganisations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []guillemet.Person
	}{
		{"union named by its context", "À l’appel de Sud Rail, les cheminots font grève. Le syndicat Sud Rail explique son refus.", nil},
		{"common noun in the name", "Les agents de Rhône Mobilité et de Loire Évasion débraient. Loire Évasion se tait.", nil},
		{"common noun recurring alone", "Alpes Santé recrute. Le ministère de la Santé indique qu’il suit le dossier.", nil},
		{"fund with an adjective", "Le fonds parisien Orion Partenaires investit. Orion Partenaires a déclaré sa satisfaction.", nil},
		{"group with two adjectives", "Le groupe papetier suédois Nordvik Paper a annoncé la fermeture de son usine.", nil},
		{"start-up", "La start-up lyonnaise Kerlan Agri lève des fonds. Kerlan Agri explique son choix.", nil},
		{"de la, du", "Les élus de la Haute Corrèze et du Grand Morvan ont voté.", nil},
		{"firm with a common noun", "Le chantier est mené par Vinor Construction, associé à un groupe local.", nil},
		{"employer after a bare title", "Anne Roy, déléguée Sud Rail, s’emporte.", []guillemet.Person{{Name: "Anne Roy", Role: "déléguée Sud Rail", Gender: guillemet.Female}}},
		{"a first name is strong evidence", "La rue Jean Moulin est fermée. Jean Moulin a déclaré la guerre.", []guillemet.Person{{Name: "Jean Moulin", Gender: guillemet.Male}}},
		{"a title is strong evidence", "Le syndicat Sud Rail et le délégué Abel Rail parlent.", []guillemet.Person{{Name: "Abel Rail", Role: "délégué", Gender: guillemet.Male}}},
		{"a name after an institution's name", "La ministre de la Santé Anne Roy répond.", []guillemet.Person{{Name: "Anne Roy", Gender: guillemet.Female}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPeople(t, Parse("t", tt.text).People, tt.want)
		})
	}
	runAttributions(t, []attributionTest{
		{"institution as subject", "Paul Durand est venu. Interrogé, le ministère de l’Intérieur affirme « ne rien savoir ».", []string{""}},
		{"institution with a colon", "« Oui », dit Paul Durand. Contactée, la direction a répondu : « Pas de commentaire. »", []string{"Paul Durand", ""}},
		{"institution after que", "Après avoir reçu Paul Durand, l’intersyndicale estime que « rien n’avance ».", []string{""}},
		{"institution after the quotation", "« Oui », dit Paul Durand. « Non », répond le syndicat.", []string{"Paul Durand", ""}},
		{"named organisation after the quotation", "« Oui », dit Paul Durand. « Non », répond Voltex.", []string{"Paul Durand", ""}},
		{"selon an institution", "« Oui », dit Paul Durand. Selon la préfecture, « tout est calme ».", []string{"Paul Durand", ""}},
		{"acronym", "« Oui », dit Paul Durand. Pour la CGT, « c’est non ».", []string{"Paul Durand", ""}},
		{"organisation-named person never speaks", "Le syndicat Sud Rail proteste. Paul Durand arrive. Sud Rail affirme « tout refuser ».", []string{""}},
		{"institution as object", "Paul Durand, qui dirige le syndicat, estime que « rien n’avance ».", []string{"Paul Durand"}},
		{"institution as complement", "Le directeur du groupe, Paul Durand, estime que « tout va bien ».", []string{"Paul Durand"}},
		{"institution with a speaker in an incise", "Anne Roy arrive. L’entreprise, explique Paul Durand, « ne licenciera pas ».", []string{"Paul Durand"}},
		{"institution with a spokesperson", "Anne Roy arrive. Le groupe, par la voix de son PDG Paul Durand, affirme « ne rien regretter ».", []string{"Paul Durand"}},
		{"employer after a bare title", "Anne Roy, déléguée Sud Rail, s’emporte : « C’est une honte. »", []string{"Anne Roy"}},
		{"institution in the complement of a title", "Paul Durand arrive. Le porte-parole du ministère, Marc Aubert, indique « suivre le dossier ».", []string{"Marc Aubert"}},
	})
}

// The made-up articles of the answer evaluation: every quotation's
// speaker, and the people, none of them an organisation.
func TestEvalArticles(t *testing.T) {
	const (
		// tram
		jlf, cm, tr, sl, kb = "Jean-Luc Ferrand", "Claire Mazaud", "Thomas Reyes", "Sophie Lacombe", "Karim Belhadj"
		// startup
		cr, mb, hg, jmt = "Camille Roussel", "Malik Benali", "Hélène Garnier", "Jean-Marc Tessier"
		// hopital
		nc, pv, bl, jm = "Nadia Chérifi", "Philippe Vasseur", "Bernard Lemoine", "Julie Marchand"
		// energie
		lm, asd, er, mg = "Laurent Morvan", "Anne-Sophie Delorme", "Étienne Rocher", "Martine Gaudin"
	)
	tests := []struct {
		file   string
		people []string
		quotes []speakerTest
	}{
		{"tram", []string{jlf, cm, tr, sl, kb}, []speakerTest{
			{3, "Nous avons préféré dire la vérité", jlf}, // a déclaré Jean-Luc Ferrand
			{4, "Aucun projet de cette taille", jlf},      // souligne le maire
			{5, "L’État tiendra ses engagements", cm},     // prévient Claire Mazaud
			{7, "Il a fallu tout redessiner", tr},         // explique Thomas Reyes
			{8, "fiasco annoncé", ""},                     // on dénonce
			{8, "sous-estimé volontairement", sl},         // Sophie Lacombe estime que
			{8, "Nous avions demandé un audit", sl},       // a-t-elle rappelé
			{10, "On nous parle de 2028", kb},             // ?”, s’interroge Karim Belhadj
			{12, "Le ticket restera à 1,50 euro", jlf},    // Jean-Luc Ferrand a déclaré :
		}},
		{"startup", []string{cr, mb, hg, jmt}, []speakerTest{
			{4, "Un agriculteur qui arrose", cr},             // explique Camille Roussel
			{4, "Avec la sécheresse de 2022", cr},            // ajoute-t-elle
			{6, "L’irrigation de précision", hg},             // Pour Hélène Garnier, … :
			{8, "Nous ouvrirons un bureau", mb},              // précise Malik Benali
			{10, "Nos concurrents vendent des capteurs", mb}, // Malik Benali ne s’en inquiète pas :
			{11, "Sur nos 300 adhérents", jmt},               // Jean-Marc Tessier, …, a déclaré :
			{12, "prouver que le modèle fonctionne", cr},     // insiste Camille Roussel
		}},
		{"hopital", []string{nc, pv, bl, jm}, []speakerTest{
			{4, "On n’en peut plus", nc},                  // explique Nadia Chérifi
			{5, "Ce n'est pas une question d'argent", nc}, // insiste-t-elle
			{6, "tensions réelles", pv},                   // Philippe Vasseur, reconnaît des « … »
			{6, "Le problème n’est pas le budget", pv},    // a-t-il déclaré
			{7, "très insuffisante", ""},                  // par l'intersyndicale
			{9, "suivre la situation avec attention", ""}, // le ministère de la Santé indique
			{10, "Chacun doit faire un pas", bl},          // Bernard Lemoine, …, a déclaré :
			{11, "Ma mère attend une intervention", jm},   // témoigne Julie Marchand
		}},
		{"energie", []string{lm, asd, er, mg}, []speakerTest{
			{4, "2023 a été l’année du rebond", lm},       // s’est félicité Laurent Morvan
			{6, "Les prix de l’électricité", lm},          // Laurent Morvan a déclaré :
			{8, "Nous investirons 12 milliards", asd},     // a précisé Anne-Sophie Delorme
			{9, "n’a pas besoin d’une augmentation", asd}, // Selon elle
			{10, "Voltaria redevient une entreprise", er}, // a réagi le ministre de l'Économie, Étienne Rocher
			{10, "partager les bénéfices", er},            // qui appelle le groupe à
			{11, "Les bénéfices d’aujourd’hui", mg},       // souligne Martine Gaudin
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := parseFile(t, "../answer/testdata/eval/"+tt.file+".txt")
			var names []string
			for _, p := range a.People {
				names = append(names, p.Name)
			}
			if len(names) != len(tt.people) {
				t.Errorf("people = %q, want %q", names, tt.people)
			} else {
				for i := range names {
					if names[i] != tt.people[i] {
						t.Errorf("person %d = %q, want %q", i, names[i], tt.people[i])
					}
				}
			}
			checkQuotes(t, a.Quotes, tt.quotes, func(n int) string { return a.Paragraphs[n-1].Text })
		})
	}
	// The title read after a speech verb goes to the name after it.
	a := parseFile(t, "../answer/testdata/eval/energie.txt")
	if p := a.People[2]; p.Role != "ministre de l'Économie" || p.Gender != guillemet.Male {
		t.Errorf("minister = %+v", p)
	}
}

// A town is no one's surname, and the article of a title is not the
// gender of the woman who holds it.
func TestPlacesAndTitles(t *testing.T) {
	runAttributions(t, []attributionTest{
		{"a town in a heading", "Marathon de Lyon : un record\n\nLe départ est donné à Lyon. Selon le docteur Hélène Morin, le coureur va bien. « Il est conscient », précise-t-elle.", []string{"Hélène Morin"}},
		{"a masculine title, a masculine name", "Selon le docteur Paul Morin, le coureur va bien. « Il est conscient », précise-t-il.", []string{"Paul Morin"}},
	})
}
