package article

import (
	"os"
	"testing"

	"guillemet/internal/guillemet"
)

func parseFile(t *testing.T, path string) guillemet.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Parse("test", string(b))
}

func checkPeople(t *testing.T, got, want []guillemet.Person) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("people = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("person %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDefaultPeople(t *testing.T) {
	checkPeople(t, Default().People, []guillemet.Person{
		{Name: "Pierre Paperon", Role: "directeur de la stratégie et du marketing chez Cloudwatt", Gender: guillemet.Male},
		{Name: "Patrick Starck", Role: "DG", Gender: guillemet.Male},
	})
}

// A strike: a woman and a man alternate, so il and elle must be told
// apart; guillemets; "X a déclaré :", "a-t-elle déclaré", "selon elle",
// a title without a name ("la syndicaliste").
func TestStrikeArticle(t *testing.T) {
	const sm, lg = "Sophie Marchand", "Laurent Girard"
	a := parseFile(t, "testdata/greve.txt")
	checkPeople(t, a.People, []guillemet.Person{
		{Name: sm, Role: "secrétaire générale du syndicat majoritaire", Gender: guillemet.Female},
		{Name: lg, Role: "directeur du site", Gender: guillemet.Male},
	})
	checkQuotes(t, a.Quotes, []speakerTest{
		{3, "Nous ne lâcherons rien", sm},          // Sophie Marchand … a déclaré : « … »
		{4, "La porte reste ouverte", lg},          // affirme-t-il
		{4, "Nous avons déjà proposé", lg},         // continues the previous quotation
		{5, "Des promesses", sm},                   // a-t-elle déclaré, though he was named last
		{5, "joue la montre", sm},                  // selon elle
		{6, "Les augmentations individuelles", lg}, // M. Girard conteste ces chiffres : « … »
		{7, "Ce n’est pas une question", sm},       // rétorque-t-elle
		{7, "Nous restons disponibles", lg},        // insiste-t-il
		{8, "Il faut que chacun", sm},              // martèle la syndicaliste
	}, func(n int) string { return a.Paragraphs[n-1].Text })
}

// A festival changes hands: straight and curly quotes, a markdown heading,
// "a confié la fondatrice", "Elle a ajouté :", "explique le nouveau
// directeur", "Pour lui,", "D'après Mme X", nested quotes.
func TestFestivalArticle(t *testing.T) {
	const hd, tb, jf = "Hélène Dubois", "Thomas Bernard", "Jean-Louis Fabre"
	a := parseFile(t, "testdata/festival.md")
	if a.Title != "Le festival de jazz de Marciac change de tête" {
		t.Errorf("Title = %q", a.Title)
	}
	checkPeople(t, a.People, []guillemet.Person{
		{Name: hd, Gender: guillemet.Female},
		{Name: tb, Role: "directeur artistique du Duc des Lombards", Gender: guillemet.Male},
		{Name: jf, Role: "maire de Marciac", Gender: guillemet.Male},
	})
	checkQuotes(t, a.Quotes, []speakerTest{
		{3, "J’ai vécu ici", hd},            // a confié la fondatrice
		{3, "Le festival est entre", hd},    // Elle a ajouté : "…"
		{4, "C’est un honneur", tb},         // explique le nouveau directeur
		{4, "Je connais la maison", tb},     // continues
		{5, "un passage de témoin", jf},     // subject of the sentence
		{5, "la programmation restera", jf}, // Pour lui, “…”
		{6, "jamais vue", hd},               // D'après Mme Dubois
		{6, "Il m’a dit “courage”", hd},     // confie-t-elle; the inner quote is part of it
	}, func(n int) string { return a.Paragraphs[n-1].Text })
}

// A fund raising: titles set before names between commas, straight and
// curly quotes, a firm that is not a person, and a group of analysts whose
// quotation must not be given to the last speaker.
func TestFundRaisingArticle(t *testing.T) {
	const ok, sb, mp, md = "Octave Klaba", "Stéphanie Besnier", "Michel Paulin", "Marc Durand"
	a := parseFile(t, "testdata/levee.txt")
	checkPeople(t, a.People, []guillemet.Person{
		{Name: ok, Role: "fondateur d'OVHcloud", Gender: guillemet.Male},
		{Name: sb, Role: "directrice financière du groupe", Gender: guillemet.Female},
		{Name: mp, Role: "directeur général", Gender: guillemet.Male},
		{Name: md, Role: "analyste chez Oddo BHF", Gender: guillemet.Male},
	})
	checkQuotes(t, a.Quotes, []speakerTest{
		{2, "C'est une étape majeure", ok},    // a-t-il ajouté
		{3, "Le marché est tendu", sb},        // a-t-elle concédé
		{3, "les marges restent solides", sb}, // same sentence, continues
		{4, "l'objectif est de doubler", mp},  // Selon Michel Paulin, directeur général, “…”
		{4, "la concurrence américaine", mp},  // Il a cependant reconnu que "…"
		{5, "bien calibrée", ""},              // les analystes jugent
		{5, "le titre reste sous-évalué", md}, // Pour Marc Durand, analyste, "…"
		{6, "Nous y croyons", sb},             // conclut-elle, though two men came since
	}, func(n int) string { return a.Paragraphs[n-1].Text })
}

func TestAttributionCases(t *testing.T) {
	runAttributions(t, []attributionTest{
		{"verb after with name", "Le projet avance. « C’est fini », a déclaré Marie Curie.", []string{"Marie Curie"}},
		{"dixit with title", "« Rien », dixit le ministre Paul Durand.", []string{"Paul Durand"}},
		{"verb before", "Paul Durand explique : « C’est fini. »", []string{"Paul Durand"}},
		{"that clause", "Anne Roy estime que « tout va bien ».", []string{"Anne Roy"}},
		{"selon name before", "Selon Anne Roy, « tout va bien ».", []string{"Anne Roy"}},
		{"pronoun by gender", "Anne Roy, ministre, et Paul Durand, préfet, se parlent. « Non », dit-elle. « Si », répond-il.", []string{"Anne Roy", "Paul Durand"}},
		{"no pronoun of the other gender", "Paul Durand arrive. Les Bekele, eux, ont gagné. « Je suis venue pour gagner », a-t-elle dit.", []string{""}},
		{"a stressed pronoun makes a person", "Paul Durand arrive. Tigist Bekele, elle, a gagné. « Je suis venue pour gagner », a-t-elle dit.", []string{"Tigist Bekele"}},
		{"surname alone", "Anne Roy arrive. Plus tard, Mme Roy déclare : « Bonjour. »", []string{"Anne Roy"}},
		{"complement before the name", "« C’est un passage en force », explique mardi à l’AFP Olivier Faure.", []string{"Olivier Faure"}},
		{"title as source", "Anne Roy, ministre, arrive. Pour la ministre, « rien ne presse ».", []string{"Anne Roy"}},
		{"no chain past an unknown speaker", "« Oui », dit Paul Durand. Les analystes jugent l’opération « bien calibrée ».", []string{"Paul Durand", ""}},
		{"anonymous", "Paul Durand arrive. « C’est fini », dit-on.", []string{""}},
		{"no cue, nobody", "« Personne ne sait. »", []string{""}},
		{"impersonal il", "Paul Durand est parti. Il faut dire que « personne ne sait ».", []string{""}},
		{"chain", "« Oui », dit Paul Durand. « Non. »", []string{"Paul Durand", "Paul Durand"}},
		{"chain broken by a new name", "« Oui », dit Paul Durand, face à Anne Roy. « Non. »", []string{"Paul Durand", ""}},
		{"chain stops after a sentence", "« Oui », dit Paul Durand. Le temps passe. « Non. »", []string{"Paul Durand", ""}},
		{"chain across paragraphs", "« Oui », dit Paul Durand.\n« Non. »\nTitre\n« Peut-être. »", []string{"Paul Durand", "Paul Durand", ""}},
		{"quote in a name", "« Anne Roy a tort », dit Paul Durand.", []string{"Paul Durand"}},
	})
}

func TestPeopleCases(t *testing.T) {
	tests := []struct {
		name, text string
		want       []guillemet.Person
	}{
		{"title before", "Le DG Jean Dupont démissionne.", []guillemet.Person{{Name: "Jean Dupont", Role: "DG", Gender: guillemet.Male}}},
		{"feminine title", "La ministre Claude Martin répond.", []guillemet.Person{{Name: "Claude Martin", Role: "ministre", Gender: guillemet.Female}}},
		{"apposition agreement", "Dominique Lenoir, ancienne ministre de la Culture, se tait.", []guillemet.Person{{Name: "Dominique Lenoir", Role: "ancienne ministre de la Culture", Gender: guillemet.Female}}},
		{"particle", "Le général Charles de Gaulle parle.", []guillemet.Person{{Name: "Charles de Gaulle", Role: "général", Gender: guillemet.Male}}},
		{"hyphenated first name", "Marie-Claude Vidal a déclaré ceci.", []guillemet.Person{{Name: "Marie-Claude Vidal", Gender: guillemet.Female}}},
		{"honorific alone", "M. Lambert refuse.", []guillemet.Person{{Name: "Lambert", Gender: guillemet.Male}}},
		{"sentence start", "Hier Pierre Morel est venu.", []guillemet.Person{{Name: "Pierre Morel", Gender: guillemet.Male}}},
		{"employer not in name", "Selon Tim Cook d’Apple, tout va bien.", []guillemet.Person{{Name: "Tim Cook", Gender: guillemet.Male}}},
		{"firm after a preposition", "Les analystes de Kepler Cheuvreux jugent l’opération risquée.", nil},
		{"organisations", "La Caisse des Dépôts, Big Data et Saint-Nazaire ne parlent pas. Orange non plus.", nil},
		{"leading title", "Le président de la République, Emmanuel Macron, a parlé. La DG, Anne Roy, aussi.", []guillemet.Person{
			{Name: "Emmanuel Macron", Role: "président de la République", Gender: guillemet.Male},
			{Name: "Anne Roy", Role: "DG", Gender: guillemet.Female},
		}},
		{"pronoun teaches gender", "Camille Roux arrive. « Bonjour », dit-elle.", []guillemet.Person{{Name: "Camille Roux", Gender: guillemet.Female}}},
		{"leading title before a party", "Le maire de Brest, Paul Le Gall (divers gauche), défend le projet.", []guillemet.Person{
			{Name: "Paul Le Gall", Role: "maire de Brest", Gender: guillemet.Male},
		}},
		{"leading title after pour", "Pour la rectrice, Anne Jaouen, la fermeture s'impose.", []guillemet.Person{
			{Name: "Anne Jaouen", Role: "rectrice", Gender: guillemet.Female},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPeople(t, Parse("t", tt.text).People, tt.want)
		})
	}
}
