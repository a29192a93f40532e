package article

import (
	"strings"

	"guillemet/internal/guillemet"
)

// This file holds French language data: general word lists, all folded
// (lower case, no accents). Nothing here is specific to one article.

// set builds a lookup table from a space-separated list.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// gendered builds a table from a masculine, a feminine and an epicene list.
func gendered(male, female, either string) map[string]guillemet.Gender {
	m := make(map[string]guillemet.Gender)
	for _, w := range strings.Fields(either) {
		m[w] = guillemet.Unknown
	}
	for _, w := range strings.Fields(male) {
		m[w] = guillemet.Male
	}
	for _, w := range strings.Fields(female) {
		m[w] = guillemet.Female
	}
	return m
}

// abbreviations end with a period that does not end the sentence.
var abbreviations = set(`m mm mme mmes mlle mlles dr drs pr me mgr st ste sts
	cf av apr ex p pp env vol chap fig ed coll tel ref bd boul vs ibid cit op
	resp sq suiv hab gen col cdt lt adj cie ets`)

// speechVerbs are the forms of the verbs that introduce or follow a
// quotation: present, imperfect, simple past and past participle, which
// for -er verbs is the present once accents are folded away.
var speechVerbs = func() map[string]bool {
	m := set(`dit disent disait disaient dira dirait dixit poursuit poursuivent
		poursuivait poursuivi poursuivit reconnait reconnaissent reconnaissait
		reconnut reconnu conclut concluent concluait conclu repond repondent
		repondait repondit repondu admet admettent admettait admit admis
		soutient soutiennent soutenait soutenu maintient maintenait maintenu
		previent prevenait prevenu reprend reprennent reprenait reprit repris
		ecrit ecrivent ecrivait promet promettait promis dement dementait
		dementi rejouit rejouissait defend defendait defendu sourit souriait
		souri rencherit rencherissait averti avertit convient convenait
		convenu decrit decrivait reagit reagissait reagi rappelle rappellent
		appelle appellent interjette rugit rugissait rejoui rejouie
		defendue plaint plaignent plaignait plainte souvient souviennent
		souvenait souvenu souvenue emeut emouvait`)
	// Regular -er verbs, by stem: the accent changes of the stem (répète,
	// martèle) vanish once folded.
	for _, s := range strings.Fields(`expliqu insist ajout affirm declar estim
		soulign precis indiqu confi assur racont comment martel lanc avou not
		relev observ remarqu constat signal confirm annonc jug consider analys
		resum ironis plaid protest interrog demand questionn gliss lach souffl
		tonn insurg agac tweet nuanc temper rapport relat argument justifi
		complet detaill developp murmur enthousiasm felicit regrett deplor
		denonc fustig critiqu tacl raill amus inquiet alert avanc reaffirm
		conced object corrig point certifi jur temoign repliqu retorqu exclam
		etonn emport accus explicit insinu enchain tranch clam proclam
		revendiqu rassur exhort repet hasard interpell inform conseill
		recommand sugger propos assen indign offusqu desol ecri cri hurl
		chuchot rican resum lament taquin reclam souhait contest
		esper alarm esclaff impatient irrit enerv excus etrangl enflamm
		consol`) {
		for _, e := range []string{"e", "ent", "ait", "aient", "a", "ee"} {
			m[s+e] = true
		}
		if strings.HasSuffix(s, "g") { // interrogea, fustigeait
			m[s+"ea"], m[s+"eait"] = true, true
		}
	}
	return m
}()

// inversionVerbs are too common to be cues alone but are when inverted
// after a quotation: « … », fait-il.
var inversionVerbs = set(`fait faisait fit glisse lache lance`)

// auxiliaries build the compound past: « … », a-t-il déclaré.
var auxiliaries = set(`a avait aura aurait eut`)

// reflexiveAuxiliaries build the compound past of a reflexive verb, after
// its pronoun only: « … », s'est félicité X.
var reflexiveAuxiliaries = set(`est etait sera serait fut`)

// adverbs may sit between a speech verb and its subject.
var adverbs = set(`encore aussi egalement alors ensuite enfin pourtant
	toutefois cependant meme ainsi notamment simplement seulement volontiers
	hier deja immediatement aussitot plus tard lui-meme elle-meme ailleurs
	d aujourd hui sobrement lundi mardi mercredi jeudi vendredi samedi
	dimanche matin soir`)

// pronouns that name a person, with their gender.
var pronouns = gendered(
	`il lui celui-ci celui-la lui-meme`,
	`elle celle-ci celle-la elle-meme`,
	``)

// subjectPronouns may open a sentence as its subject.
var subjectPronouns = set(`il elle celui-ci celle-ci celui-la celle-la`)

// impersonal verbs make "il" refer to nobody: il faut, il y a, il reste.
var impersonal = set(`y faut fallait fallu faudra faudrait s semble semblait
	reste restait resterait suffit suffisait parait paraissait arrive
	arrivait existe existait manque manquait importe convient vaut valait
	pleut n`)

// determiners before a title, with the gender they give.
var determiners = gendered(`le du au un ce cet`, `la une cette`, `l les son sa leur notre votre`)

// honorifics before a name, with the gender they give; those marked with
// a period need it ("M." is an honorific, "M" alone is a letter).
var honorifics = gendered(
	`m mm monsieur messieurs`,
	`mme mmes mlle mlles madame mesdames mademoiselle`,
	`dr pr me maitre docteur`)

// roleWords are titles and functions: before a name they are a title
// ("le DG Patrick Starck"), after a comma they open an apposition
// ("Pierre Paperon, directeur de…").
var roleWords = gendered(
	`directeur president fondateur cofondateur co-fondateur patron conseiller
	avocat depute senateur expert consultant delegue vice-president chercheur
	dirigeant gerant administrateur animateur redacteur auteur ecrivain
	historien adjoint tresorier militant representant candidat entraineur
	prefet ambassadeur elu salarie employe createur inventeur associe
	president-directeur gouverneur commandant  colonel lieutenant
	chancelier roi prince directeur-general ingenieur
	procureur avocat-general joueur sportif acteur chanteur realisateur
	producteur editeur  habitant retraite agriculteur eleveur
	commercant artisan enseignant etudiant maitre negociateur 
	secretaire-general chroniqueur correspondant envoye ouvrier technicien
	informaticien developpeur mediateur superviseur coordinateur organisateur
	commissaire-priseur vendeur acheteur investisseur  banquier
	recteur inspecteur infirmier policier magistrat viticulteur vigneron
	pecheur armateur controleur`,
	`directrice presidente fondatrice cofondatrice co-fondatrice patronne
	conseillere avocate deputee senatrice experte consultante deleguee
	vice-presidente chercheuse dirigeante gerante administratrice animatrice
	redactrice autrice auteure ecrivaine historienne adjointe tresoriere
	militante representante candidate entraineuse prefete ambassadrice elue
	salariee employee creatrice inventrice associee presidente-directrice
	gouverneure cheffe chanceliere reine princesse directrice-generale
	ingenieure procureure joueuse sportive actrice chanteuse realisatrice
	productrice editrice  habitante retraitee agricultrice
	eleveuse commercante enseignante etudiante negociatrice chroniqueuse
	correspondante envoyee ouvriere technicienne informaticienne
	developpeuse mediatrice coordinatrice organisatrice vendeuse
	acheteuse investisseuse banquiere professeure commandante
	rectrice inspectrice infirmiere policiere magistrate viticultrice
	vigneronne pecheuse armatrice controleuse`,
	`ministre porte-parole secretaire pdg dg dga daf drh dsi ceo cto cfo coo
	cmo maire chef responsable analyste economiste journaliste specialiste
	juge commissaire architecte sociologue philosophe politologue
	psychologue medecin docteur membre manager professeur
	psychiatre notaire biologiste physicien physicienne chimiste
	climatologue epidemiologiste infectiologue urbaniste geographe
	demographe statisticien statisticienne comptable stagiaire collegue
	interprete pilote guide leader ministre-president general actionnaire
	capitaine proprietaire syndicaliste pompier sapeur-pompier gendarme
	oenologue`)

// rolePrefixes make a title from a title: sous-préfète, ex-ministre.
var rolePrefixes = []string{"ex-", "sous-", "co-", "vice-"}

// roleWord looks a folded word up among the titles, with or without a
// prefix.
func roleWord(f string) (guillemet.Gender, bool) {
	if g, ok := roleWords[f]; ok {
		return g, true
	}
	for _, pre := range rolePrefixes {
		if rest, ok := strings.CutPrefix(f, pre); ok {
			g, ok := roleWords[rest]
			return g, ok
		}
	}
	return guillemet.Unknown, false
}

// roleModifiers qualify a title ("directeur général", "ancienne ministre").
var roleModifiers = gendered(
	`general adjoint delegue executif financier commercial ancien nouveau
	nouvel actuel futur premier sortant principal regional national europeen
	international operationnel`,
	`generale adjointe deleguee executive financiere commerciale ancienne
	nouvelle actuelle future premiere sortante principale regionale
	nationale europeenne internationale operationnelle`,
	`technique artistique scientifique jeune honoraire interimaire
	marketing ex`)

// nameParticles join the parts of a name: Charles de Gaulle, Marine Le Pen.
var nameParticles = set(`de du des d van von der den da di del della dos das
	ten ter ben bin al el le la`)

// stopwords are capitalised at the start of a sentence but never names.
var stopwords = set(`le la les l un une des du de d ce cet cette ces celui
	celle ceux celles il elle ils elles on nous vous je tu et ou mais donc or
	ni car si selon pour par sur sous dans en avec sans chez vers entre depuis
	pendant apres avant contre malgre lors quand comme puis alors ensuite
	enfin ainsi pourtant cependant toutefois neanmoins hier aujourd demain
	desormais encore aussi deja bien tres plus moins pas non oui tout tous
	toute toutes chaque aucun aucune certains certaines plusieurs quelques
	son sa ses leur leurs mon ma mes notre nos votre vos qui que quoi dont au
	aux a y c s n qu j m t suite pres face grace outre voici voila cela ceci
	ca rien ici la-bas lundi mardi mercredi jeudi vendredi samedi dimanche
	janvier fevrier mars avril mai juin juillet aout septembre octobre
	novembre decembre the of and in on for to at by with from an it this
	that mister mrs ms mr monsieur madame mademoiselle seul seule meme
	autre autres ni-ni est sont etait cote quant afin parmi faute sauf via
	notamment surtout certes bref voire jusqu lorsqu puisqu quoiqu celui-ci
	celle-ci ceux-ci celles-ci`)

// organisationWords mark a capitalised sequence as an institution, a
// place or a product rather than a person.
var organisationWords = set(`societe groupe banque caisse ministere conseil
	commission universite institut agence fondation association federation
	union parti assemblee senat cour tribunal mairie region departement ville
	comite office centre compagnie entreprise syndicat club academie lycee
	ecole college hopital clinique musee theatre festival orchestre rue
	avenue boulevard place gare aeroport port mont lac saint sainte st ste
	nationale national republique etat etats europe europeenne france
	inc sa sas sarl ltd llc corp corporation group systems technologies
	labs lab services solutions capital partners holding consulting media
	presse journal radio television tele magazine editions maison palais
	chateau eglise cathedrale stade parc hotel restaurant cafe bar marche
	salon forum sommet conference prix trophee coupe championnat ligue
	direction service bureau cabinet tribune fonds bourse sante construction
	constructions express data energie energies ventures invest tech digital
	numerique telecom telecoms transport transports immobilier habitat
	industrie industries assurance assurances mutuelle finance finances
	logistique distribution environnement developpement recherche sciences
	innovation mobilite securite solidarite ressources software network
	networks foods pharma bank insurance`)

// institutions are the nouns that, after a determiner, name a body rather
// than a person: "le ministère indique", "selon la préfecture", "le
// syndicat Sud Santé". Plurals are found by dropping a final s or x.
var institutions = set(`societe groupe banque caisse ministere conseil
	commission universite institut agence fondation association federation
	union parti assemblee senat cour tribunal mairie region departement
	comite office centre compagnie entreprise syndicat club academie lycee
	ecole college hopital clinique musee direction service bureau cabinet
	fonds gouvernement prefecture sous-prefecture metropole intersyndicale
	collectif cooperative firme enseigne start-up startup etat
	police gendarmerie parquet rectorat municipalite administration elysee
	matignon laboratoire organisation ong mutuelle assureur constructeur
	operateur fabricant chaine journal quotidien hebdomadaire
	magazine radio television holding filiale marque
	plateforme reseau confederation coordination groupement`)

// spokesWords introduce who speaks for an institution: "le groupe, par
// la voix de son PDG, …".
var spokesWords = set(`voix porte-parole porte-paroles bouche representant
	representante`)

// subjectDeterminers open a subject: "le ministère indique"; du, au and
// the like make a complement instead.
var subjectDeterminers = set(`le la l les un une ce cet cette ces son sa ses
	leur leurs notre nos votre vos`)

// complementPrepositions make the name after them a complement, not a
// subject: les analystes de X, chez X.
var complementPrepositions = set(`de d du des chez a au aux en`)

// speechPrepositions introduce the source of a statement: selon X, d'après X.
var speechPrepositions = set(`selon dixit`)
