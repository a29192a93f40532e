// Package guillemet holds the domain types shared by every part of the bot:
// articles and what is parsed from them, and the answers given about them.
// It depends on nothing but the standard library.
package guillemet

// Article is one text of the corpus, split into paragraphs, with its
// quotations and the people it names.
type Article struct {
	Name       string // file name without extension: "article"
	Title      string // first heading, or the start of the first paragraph
	Paragraphs []Paragraph
	Quotes     []Quote
	People     []Person
}

// Paragraph is one non-blank line of an article. Number is 1-based and
// counts headings too, so it matches what a reader counts.
type Paragraph struct {
	Number    int
	Text      string
	Heading   bool
	Sentences []Span // byte ranges of Text, in order
}

// Span is a byte range [Start, End) of some text.
type Span struct{ Start, End int }

// Quote is a quotation of an article, without its marks.
type Quote struct {
	Text      string
	Speaker   string // "" when no one could be named
	Article   string
	Paragraph int
	Span      Span // the quotation, marks included, in the paragraph's text
}

// Gender of a person, as far as the text tells it (il/elle, a title,
// an agreement); it lets pronouns be resolved.
type Gender int

const (
	Unknown Gender = iota
	Male
	Female
)

// Person is someone the article names, with the role it gives them.
type Person struct {
	Name   string // "Pierre Paperon"
	Role   string // "directeur de la stratégie et du marketing chez Cloudwatt"
	Gender Gender
}

// Answer is one passage that answers a question.
type Answer struct {
	Article   string
	Paragraph int
	Passage   string  // the whole paragraph
	Sentence  string  // the answering snippet, at most MaxSnippet bytes
	Speaker   string  // who said it, when the snippet lies in a quotation
	Score     float64 // higher is better; only comparable within one Result
	Marks     []Span  // matched words in Sentence, for bold in Discord
}

// MaxSnippet is the longest Answer.Sentence, in characters.
const MaxSnippet = 300

// Result is everything said about one question, best answer first.
// Found is false when the article does not answer; Suggestions then
// says what can be asked.
type Result struct {
	Question    string
	Found       bool
	Answers     []Answer
	Suggestions []string
}

// QuoteQuery selects quotations: by part of the speaker's name (case and
// accents ignored) and by words of the text (analysed). Both empty means
// all quotations, in article order.
type QuoteQuery struct {
	Speaker string
	Words   string
}

// Overview is what /about and the "not found" hints tell about the corpus.
type Overview struct {
	Articles []ArticleSummary
	People   []PersonSummary // most quoted first
	Topics   []string        // salient terms of the corpus
}

// ArticleSummary describes one article of the corpus.
type ArticleSummary struct {
	Name       string
	Title      string
	Paragraphs int
	Quotes     int
}

// PersonSummary is a person with the number of quotations attributed to them.
type PersonSummary struct {
	Name   string
	Role   string
	Quotes int
}
