package article

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// MaxFileSize caps an article file: a news article is a few kilobytes, so
// anything bigger is a mistake, not an article.
const MaxFileSize = 10 << 20

const opLoad = "article.Load"

// Load reads a corpus: a text file, or a directory of .txt and .md files,
// one article each, sorted by name. An article is named after its file,
// without extension.
func Load(path string) ([]guillemet.Article, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, guillemet.Errorf(opLoad, guillemet.NotFound, "no file or directory at %s", path)
		}
		return nil, guillemet.Errorf(opLoad, guillemet.Invalid, "cannot read %s: %v", path, err)
	}
	if !info.IsDir() {
		a, err := loadFile(path)
		if err != nil {
			return nil, err
		}
		return []guillemet.Article{a}, nil
	}
	entries, err := os.ReadDir(path) // sorted by file name
	if err != nil {
		return nil, guillemet.Errorf(opLoad, guillemet.Invalid, "cannot read directory %s: %v", path, err)
	}
	var out []guillemet.Article
	names := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !isArticleFile(e.Name()) {
			continue
		}
		file := filepath.Join(path, e.Name())
		a, err := loadFile(file)
		if err != nil {
			return nil, err
		}
		// Answers name articles, so two files must not share a name.
		if other, dup := names[a.Name]; dup {
			return nil, guillemet.Errorf(opLoad, guillemet.Invalid, "%s and %s would both be named %q", other, file, a.Name)
		}
		names[a.Name] = file
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, guillemet.Errorf(opLoad, guillemet.Invalid, "directory %s has no .txt or .md file", path)
	}
	return out, nil
}

func isArticleFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md"
}

// loadFile reads and parses one article.
func loadFile(path string) (guillemet.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.NotFound, "no file at %s", path)
		}
		return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.Invalid, "cannot read %s: %v", path, err)
	}
	defer f.Close()
	// Read one byte past the cap to tell a file at the cap from a bigger one,
	// without trusting a size that may change under us.
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.Invalid, "cannot read %s: %v", path, err)
	}
	if len(b) > MaxFileSize {
		return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.Invalid, "%s is too large: more than %d MiB", path, MaxFileSize>>20)
	}
	text, ok := decode(b)
	if !ok {
		return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.Invalid, "%s is not a text file", path)
	}
	if isBlank(text) {
		return guillemet.Article{}, guillemet.Errorf(opLoad, guillemet.Invalid, "%s has no text", path)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return Parse(name, text), nil
}

// decode turns file bytes into text. NUL bytes, many control characters or
// mostly invalid UTF-8 mean a binary file. Text that is not UTF-8 but has
// no UTF-8 sequence at all is read as Windows-1252, what old French files
// use; stray invalid bytes in UTF-8 text become U+FFFD.
func decode(b []byte) (string, bool) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", false
	}
	control, invalid, multi := 0, 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				control++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multi++
		}
		i += n
	}
	if control*10 > len(b) || invalid*4 > len(b) {
		return "", false
	}
	if invalid == 0 {
		return string(b), true
	}
	if multi == 0 {
		return windows1252(b), true
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), true
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252, which differ from
// Latin-1 (œ, the typographic quotes, the euro…); the rest is Latin-1.
var cp1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

func windows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xa0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}
