// Package data holds the files the bot ships with: the default article
// and the English–French lexicon used to read English questions.
package data

import _ "embed"

// Article is the default corpus: the Cloudwatt story.
//
//go:embed article.txt
var Article string

// ArticleName is the name answers give for the default article.
const ArticleName = "article"

// Lexicon is the bilingual lexicon, one entry a line: "english<TAB>french[|french...]".
//
//go:embed lexicon.tsv
var Lexicon string

// SynonymsFR groups French words of one meaning, everyday and journalistic
// ("flics", "policiers"), so a French question meets the article's words.
//
//go:embed synonyms_fr.tsv
var SynonymsFR string
