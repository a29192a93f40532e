package main

import (
	"fmt"
	"io"
)

const usage = `Guillemet answers questions about French news articles, with the passage
that answers, the answering sentence, and who said it when it is a quotation.

Usage:
  guillemet [run]                       start the Discord bot (needs DISCORD_TOKEN)
  guillemet serve-http                  answer slash commands over HTTP, at the
                                        Interactions Endpoint URL, with no gateway
                                        (needs DISCORD_PUBLIC_KEY)
  guillemet register                    register the slash commands, for serve-http
                                        deployments (needs DISCORD_TOKEN)
  guillemet ask [--json] [--data PATH] QUESTION...
                                        answer a question from the terminal;
                                        with no QUESTION, one question a line from stdin
  guillemet quote [--json] [--data PATH] [--speaker NAME] [WORDS...]
                                        list quotations by speaker and by words
  guillemet help [COMMAND]              this help, or a command's

No Discord token is needed for ask and quote.
The corpus is the embedded article unless --data or DATA_PATH names a text
file or a directory of .txt/.md files (one article each).
Exit status: 0 on success (a question the article does not answer is a
success), 1 on a failure, 2 on a usage error.
`

const askUsage = `Usage: guillemet ask [--json] [--data PATH] QUESTION...

Prints the sentence that best answers QUESTION (English or French), the
paragraph it comes from with its number, the speaker when it is a
quotation, and the next best answers. When the article does not answer,
it says so and suggests what can be asked.

  --json       one JSON object on one line:
               {"question","found","answers":[{"article","paragraph","passage",
               "sentence","speaker","score"}]}, best first
  --data PATH  corpus: a text file or a directory of .txt/.md files
               (default: DATA_PATH, else the embedded article)

With no QUESTION, reads one question a line from standard input and
answers each (one JSON object a line with --json).
`

const quoteUsage = `Usage: guillemet quote [--json] [--data PATH] [--speaker NAME] [WORDS...]

Lists the quotations whose speaker matches NAME (part of a name, case and
accents ignored) and whose text matches WORDS (analysed: "moutons" finds
"moutons de Panurge"), best first; with no filter, all of them in article
order.

  --json          {"quotes":[{"text","speaker","article","paragraph"}]}
  --speaker NAME  part of the speaker's name
  --data PATH     corpus, as for ask
`

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	switch args[0] {
	case "ask":
		fmt.Fprint(stdout, askUsage)
	case "quote":
		fmt.Fprint(stdout, quoteUsage)
	case "run":
		fmt.Fprint(stdout, runUsage)
	case "serve-http":
		fmt.Fprint(stdout, serveUsage)
	case "register":
		fmt.Fprint(stdout, registerUsage)
	default:
		fmt.Fprintf(stderr, "guillemet: no help for %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return exitOK
}
