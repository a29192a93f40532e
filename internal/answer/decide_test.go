package answer

import "testing"

// TestSecondaryNames checks that a paragraph that names neither the
// organisation asked about nor stands for it ("il", "le groupe") does
// not answer for it, though the paragraph before names it.
func TestSecondaryNames(t *testing.T) {
	checkUnanswered(t, defaultEngine(t), []string{"Who is the chief executive of Numergy?"})
}

// TestHeadedSubjectGoesUnsaid checks that the place or body an article's
// heading names answers for every paragraph, even one that does not write
// it, when it is the name the article mentions most.
func TestHeadedSubjectGoesUnsaid(t *testing.T) {
	e := articleEngine(t, "ski", "La station du Haut-Faing ferme ses pistes\n\n"+
		"Le conseil municipal a voté la fermeture de la station du Haut-Faing, ouverte en 1967.\n\n"+
		"En cause, un enneigement devenu trop irrégulier : la saison dernière, les pistes n'ont ouvert que 9 jours.\n\n"+
		"La piste des canons à neige a été étudiée. « À cette altitude, il fait trop chaud pour produire de la neige », a déclaré l'ingénieure Sophie Marchal.\n\n"+
		"Le Ski-club du Haut-Faing compte 140 licenciés.\n")
	checkAsk(t, e, []askCase{{"Why can't snow cannons work at the Haut-Faing?", "canons à neige", "trop chaud", ""}})
}

// TestFirmIsTheSubject checks that "the company" is the organisation an
// article calls one ("la société Azur Calcul"), not the city it names in
// more paragraphs.
func TestFirmIsTheSubject(t *testing.T) {
	e := articleEngine(t, "data", "Un data center géant ouvre près de Marseille\n\n"+
		"Le site a été inauguré le mardi 14 octobre à Septèmes-les-Vallons, au nord de Marseille. Construit par la société Azur Calcul, il a coûté 410 millions d'euros.\n\n"+
		"Son refroidissement consommera l'eau du canal de Marseille, selon la préfecture.\n\n"+
		"Le directeur général d'Azur Calcul, Julien Ferrand, promet 60 emplois.\n\n"+
		"La métropole Aix-Marseille a précisé que la commune percevra 3,5 millions d'euros par an.\n")
	if got := e.subject[0]; got != "azur" {
		t.Errorf("subject = %q, want azur", got)
	}
}
