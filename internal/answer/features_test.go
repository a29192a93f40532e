package answer

import "testing"

func TestFeaturesOf(t *testing.T) {
	tests := []struct {
		text string
		want features
	}{
		{"La version bêta remonte au printemps 2013.", features{Date: true}},
		{"Il a recruté 100 collaborateurs.", features{Number: true}},
		{"Une vingtaine de musées ont été visés.", features{Number: true}},                     // "été" the participle, not the season
		{"Les pistes ont fermé l'hiver dernier.", features{Date: true}},                        // "l'hiver": the season, elided
		{"Le collège ne rouvrira pas avant la rentrée de la Toussaint.", features{Date: true}}, // the school holidays are a date; "pas avant" denies nothing
		{"Le chantier, lancé en 2021, devait coûter 4,2 milliards.", features{Date: true, Number: true}},
		{"Ces ratés sont imputables à OpenStack.", features{Cause: true, Places: []string{"x"}}},
		{"Bercy n’a pas demandé d’audit.", features{Negated: true}},
		{"La ligne ne circulera pas avant la fin de l'année.", features{Date: true}},
		{"Jean Dupont, 54 ans, dirige la société.", features{Number: true, Date: true, Age: true}},
		{"Il y a deux ans, tout a commencé.", features{Number: true, Date: true}},
		{"Un article du magazine Challenges.", features{Places: []string{"x"}}},
		{"Ses patients se tournent vers les pharmacies de l’Orne voisine.", features{Places: []string{"x"}}},
		{"Un parc sera aménagé sur la commune voisine de Saint-Aubin.", features{Places: []string{"x"}}},
		{"Une cellule d’écoute a ouvert à la salle des fêtes.", features{Places: []string{"x"}}},
		{"En septembre Cloudwatt recrute.", features{Date: true}}, // no place: a month, then a name
		{"Un défi qui incombera au futur patron.", features{Role: true}},
		{"Le groupe, connu sous le nom de LockNet, menace.", features{Naming: true}},
		{"Un satellite baptisé Atlas.", features{Naming: true}},
		{"La direction explique cette décision par la chute des commandes.", features{Cause: true}},
		{"C’est la conséquence directe du manque de bras.", features{Cause: true}},
		{"Ils se voient proposer une prime de 7 000 euros.", features{Number: true}},              // a bonus, not a salary
		{"Les primes peuvent atteindre 400 euros par hectare et par an.", features{Number: true}}, // a rate, not a time
		{"rien à signaler", features{}},
	}
	for _, tt := range tests {
		got := featuresOf(tt.text, nil)
		got.Names = nil
		if got.Date != tt.want.Date || got.Number != tt.want.Number || got.Cause != tt.want.Cause || (len(got.Places) > 0) != (len(tt.want.Places) > 0) ||
			got.Negated != tt.want.Negated || got.Age != tt.want.Age || got.Role != tt.want.Role || got.Naming != tt.want.Naming || got.Salary != tt.want.Salary {
			t.Errorf("featuresOf(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
	if f := featuresOf("Selon Pierre Paperon, tout va bien.", []string{"paperon"}); len(f.People) != 1 || len(f.Names) != 2 {
		t.Errorf("people %v, names %v", f.People, f.Names)
	}
}

func TestMoneyFeature(t *testing.T) {
	for s, want := range map[string]bool{
		"une aide de 4 millions d'euros":   true,
		"un contrat de 12 M€":              true,
		"le second européen avec eNovance": false,
		"vers l'Europe et les États-Unis":  false,
		"levé 400 millions de dollars":     true,
	} {
		if got := featuresOf(s, nil).Money; got != want {
			t.Errorf("%q: Money = %v, want %v", s, got, want)
		}
	}
}

// TestCountsAndDates checks which digits count: days of the month and
// times of day are parts of dates, not counts.
func TestCountsAndDates(t *testing.T) {
	for s, number := range map[string]bool{
		"Les ouvriers ont quitté le chantier à 17 h 30.": false,
		"Il est arrivé à 14h30 le 3 mars.":               false,
		"La réunion a eu lieu le 1er septembre 2024.":    false,
		"La pétition a recueilli 2 450 signatures.":      true,
		"Le 14 janvier, 38 spectacles ont été annulés.":  true,
		"Une amende de 1,8 million d’euros.":             true,
		"Le chantier a duré 3 mois.":                     true,
	} {
		if got := featuresOf(s, nil).Number; got != number {
			t.Errorf("%q: Number = %v, want %v", s, got, number)
		}
	}
}

func TestMeasureFeature(t *testing.T) {
	for s, want := range map[string]bool{
		"Des rafales attendues jusqu'à 130 km/h.":            true,
		"La fissure atteint 6,2 millimètres.":                true,
		"Le parc produira 1 500 MW.":                         true,
		"Deux des quatre scènes avaient subi des dégâts.":    false,
		"Le taux de participation atteignait 62 % vendredi.": true,
		"Le festival accueille 62 000 spectateurs.":          false,
	} {
		if got := featuresOf(s, nil).Measure; got != want {
			t.Errorf("%q: Measure = %v, want %v", s, got, want)
		}
	}
}
