package article

// firstNames is a list of common first names, French first and then
// international, folded, with their usual gender. It is language data: it
// lets "Pierre Paperon" be told from "Big Data" and gives a gender when the
// text gives none. Names that are also common place or thing names (Paris,
// France, Rose) are left out.
var firstNames = gendered(
	// Male.
	`jean pierre paul jacques michel philippe alain patrick nicolas christophe
	francois laurent eric stephane david olivier daniel frederic bernard
	thierry sebastien julien pascal didier gerard vincent thomas andre rene
	marc antoine alexandre guillaume maxime romain mathieu matthieu benoit
	bruno serge yves emmanuel franck gilles herve jerome joel lionel ludovic
	luc lucas louis hugo arthur jules leo gabriel raphael adam nathan ethan
	theo tom noah enzo mael baptiste clement florian kevin anthony jonathan
	jeremy cedric arnaud fabrice fabien gregory guy henri hubert joseph
	mohamed mohammed karim mehdi rachid ahmed youssef samir farid nabil omar
	ali yanis ibrahim marcel maurice roger robert raymond georges charles
	edouard emile etienne fernand francis gaston lucien victor xavier yannick
	yann sylvain regis remi rodolphe cyril damien denis dimitri gaetan
	gautier jordan loic quentin simon tristan valentin william axel adrien
	alexis aurelien bastien benjamin boris cyrille emilien geoffroy marius
	martin noel patrice renaud richard thibault thibaut timothee tony vivien
	wilfried yohan elie albert armand bertrand edgar felix germain gustave
	hector leon mathis steve steven bill john peter mark michael james elon
	jeff tim larry sergey satya sundar brian jack paolo marco giovanni hans
	klaus jurgen carlos jose juan miguel pedro diego antonio mario luigi
	 stefan igor ivan vladimir dmitri sergei
	frank george henry edward donald joe barack gerald
	jean-pierre jean-paul jean-marc jean-luc jean-claude jean-michel
	jean-francois jean-louis jean-jacques jean-christophe jean-baptiste
	jean-yves jean-marie pierre-yves pierre-louis marc-antoine paul-henri
	 aymeric amaury anatole augustin basile blaise bruce
	christian clovis come corentin dorian elliot erwan esteban evan florent
	gael gauthier gregoire harold hippolyte hugues jason jeremie joachim
	jocelyn josselin killian leandre leonard lilian lorenzo ludwig malo
	marceau mathias matteo maximilien melvin nolan octave oscar
	pablo philemon rayan robin ronan ruben samuel sami soufiane stanislas
	teddy thibaud titouan ugo ulysse valere victorien wassim yannis
	yassine zacharie`,
	// Female.
	`marie anne catherine nathalie isabelle sylvie christine martine francoise
	monique valerie sandrine sophie stephanie celine veronique nicole chantal
	sandra aurelie julie laurence caroline virginie emilie helene patricia
	cecile elodie christelle delphine brigitte corinne claire audrey melanie
	florence laure emma jade louise alice chloe lina lea anna mila julia ines
	ambre juliette manon lucie sarah clara zoe charlotte pauline marion
	mathilde margaux elise agnes alexandra amelie anais annie beatrice carole
	clementine colette danielle denise edith eliane elisabeth elsa estelle
	eve fabienne fanny genevieve gisele irene jacqueline jeanne josette
	josiane karine laetitia lise lydie madeleine marguerite marianne marine
	marthe micheline mireille muriel myriam nadia nadine noemie odile
	pascale paulette raymonde regine simone solange suzanne sylviane therese
	valentine yvette yvonne agathe alexia angelique aude axelle berenice
	capucine cassandra clemence coralie diane eloise eva gaelle heloise
	jessica justine laura leila lola ludivine maelle maeva marina maud
	melissa morgane oceane ophelie perrine rachida fatima samia yasmine
	amina nora soraya salome segolene severine solene tiphaine vanessa
	victoire wendy christiane hillary angela ursula kamala sheryl marissa
	ginni anne-marie marie-claude marie-france marie-christine marie-helene
	marie-pierre marie-laure marie-therese anne-sophie anne-laure
	marie-noelle marie-odile marie-anne adele albane aline amandine
	anaelle angele annabelle annick apolline armelle astrid aurore barbara
	bernadette blandine carla cathy chiara cindy clarisse constance daphne
	dorothee eleonore emeline emmanuelle enora flora gabrielle georgette
	gwenaelle hortense ingrid isaure jeannine jennifer johanna josephine
	judith juliane katia lauren leonie liliane louna lucienne lydia maelys
	magali manuela margot maryse mathilda melina melodie mona nadege naima
	 nina nolwenn olivia ornella pascaline priscilla rebecca
	rosalie roxane sabine sabrina samira sandrina sara sidonie sixtine
	sofia stella tatiana valentina veronica victoria violaine virginia
	zelie zohra`,
	// Either.
	`claude dominique camille sacha morgan alix charlie yael ange eden noa
	sasha lou andrea michele`)
