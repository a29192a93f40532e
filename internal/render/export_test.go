package render

// OneLine lets the external tests spell a footer's query as the renderer does.
var OneLine = oneLine
