package org.daleel.analysis.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.daleel.core.InvalidInputException;

/**
 * Reads the LGL corpus in the XML shape of the "Pragmatic Guide to Geoparsing Evaluation" corpora:
 * {@code <articles><article docid=".."><dltime>..</dltime><text>..</text><toponyms><toponym>
 * <start/><end/><phrase/><gaztag geonameid=".."><lat/><lon/>..</gaztag></toponym>..}. A toponym
 * without {@code gaztag} is kept with id 0. Offsets in the file count Unicode code points; they are
 * converted to UTF-16 offsets and checked against the phrase.
 *
 * <p>Stateless. External entities and DTDs are not processed.
 */
public final class LglCorpus {
    /** Largest file read (the LGL file is 3.3 MB). */
    public static final long MAX_BYTES = 256L << 20;

    private LglCorpus() {}

    /**
     * Reads a corpus file.
     *
     * @throws InvalidInputException naming the file and what is wrong (not XML, not this shape, an
     *     offset that does not point at its phrase, too large)
     * @throws IOException if the file cannot be read
     */
    public static List<LglDocument> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new InvalidInputException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a corpus from a stream; {@code name} is used in error messages. */
    public static List<LglDocument> read(InputStream in, String name) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                return articles(r, name);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidInputException(name + ": not LGL XML: " + e.getMessage(), e);
        }
    }

    private static List<LglDocument> articles(XMLStreamReader r, String name) throws XMLStreamException {
        List<LglDocument> docs = new ArrayList<>();
        boolean root = false;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "articles" -> root = true;
                case "article" -> docs.add(article(r, name));
                default -> {}
            }
        }
        if (!root) {
            throw new InvalidInputException(name + ": not LGL XML: expected an <articles> root element");
        }
        return docs;
    }

    private static LglDocument article(XMLStreamReader r, String name) throws XMLStreamException {
        String id = r.getAttributeValue(null, "docid");
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(
                    name + " line " + r.getLocation().getLineNumber() + ": <article> without a docid attribute");
        }
        String text = null;
        Optional<LocalDate> published = Optional.empty();
        List<Raw> raws = new ArrayList<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("article")) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "text" -> text = r.getElementText();
                case "dltime" -> published = date(r.getElementText());
                case "toponym" -> raws.add(toponym(r, name, id));
                default -> {}
            }
        }
        if (text == null) {
            throw new InvalidInputException(name + ": article " + id + " has no <text>");
        }
        List<LglToponym> toponyms = new ArrayList<>(raws.size());
        for (Raw t : raws) {
            toponyms.add(t.resolve(text, name, id));
        }
        return new LglDocument(id, published, text, toponyms);
    }

    private static Optional<LocalDate> date(String s) {
        String v = s.strip();
        if (v.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Raw toponym(XMLStreamReader r, String name, String doc) throws XMLStreamException {
        Raw t = new Raw();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("toponym")) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "start" -> t.start = number(r.getElementText(), name, doc, "start");
                case "end" -> t.end = number(r.getElementText(), name, doc, "end");
                case "phrase" -> t.phrase = r.getElementText();
                case "gaztag" -> t.id = number(r.getAttributeValue(null, "geonameid"), name, doc, "geonameid");
                case "lat" -> t.lat = decimal(r.getElementText(), name, doc, "lat");
                case "lon" -> t.lon = decimal(r.getElementText(), name, doc, "lon");
                default -> {}
            }
        }
        return t;
    }

    private static int number(String s, String name, String doc, String what) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    name + ": article " + doc + ": toponym " + what + " is not a number: '" + s + "'");
        }
    }

    private static double decimal(String s, String name, String doc, String what) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    name + ": article " + doc + ": toponym " + what + " is not a number: '" + s + "'");
        }
    }

    /** A toponym as read, before its offsets are checked. */
    private static final class Raw {
        int start = -1;
        int end = -1;
        String phrase;
        long id;
        double lat;
        double lon;

        LglToponym resolve(String text, String name, String doc) {
            if (phrase == null || start < 0 || end <= start) {
                throw new InvalidInputException(
                        name + ": article " + doc + ": toponym without phrase, start or end (" + phrase + ")");
            }
            int cps = text.codePointCount(0, text.length());
            if (end <= cps) {
                int s = text.offsetByCodePoints(0, start);
                int e = text.offsetByCodePoints(s, end - start);
                if (text.substring(s, e).equals(phrase)) {
                    return new LglToponym(s, e, phrase, id, lat, lon);
                }
            }
            if (end <= text.length() && text.substring(start, end).equals(phrase)) {
                return new LglToponym(start, end, phrase, id, lat, lon);
            }
            throw new InvalidInputException(name + ": article " + doc + ": toponym '" + phrase + "' at " + start + ".."
                    + end + " does not match the text there");
        }
    }
}
