package kz.hearingstate.intake.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two GeoReport v2 representations: JSON, and XML with the element names of the specification
 * (a list element wrapping one element per item). Values are escaped by the writers, never concatenated.
 */
enum Open311Format {
    JSON, XML;

    static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    static Open311Format of(String extension) {
        return switch (extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }

    /** The format a request asked for by its path suffix; JSON when it names none that exists. */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }

    /**
     * @param listElement the XML element wrapping the items ({@code services}, {@code service_requests}, ...)
     * @param itemElement the XML element of one item ({@code service}, {@code request}, ...)
     */
    ResponseEntity<String> render(int status, String listElement, String itemElement, List<Map<String, Object>> items,
            JsonMapper json) {
        if (this == JSON) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(items));
        }
        return ResponseEntity.status(status).contentType(TEXT_XML).body(xml(listElement, itemElement, items));
    }

    /** A single object (discovery, service definition): JSON object, or XML under {@code rootElement}. */
    ResponseEntity<String> renderObject(String rootElement, Map<String, Object> object, JsonMapper json) {
        if (this == JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(object));
        }
        return ResponseEntity.ok().contentType(TEXT_XML).body(xmlObject(rootElement, object));
    }

    private static String xml(String listElement, String itemElement, List<Map<String, Object>> items) {
        return write(writer -> {
            writer.writeStartElement(listElement);
            for (Map<String, Object> item : items) {
                writeElement(writer, itemElement, item);
            }
            writer.writeEndElement();
        });
    }

    private static String xmlObject(String rootElement, Map<String, Object> object) {
        return write(writer -> writeElement(writer, rootElement, object));
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String write(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Open311 XML", e);
        }
        return out.toString();
    }

    /** Maps become elements with children; lists repeat the singular element ({@code formats} to {@code format}). */
    @SuppressWarnings("unchecked")
    private static void writeElement(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> child : ((Map<String, Object>) map).entrySet()) {
                writeElement(writer, child.getKey(), child.getValue());
            }
        } else if (value instanceof List<?> list) {
            String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object item : list) {
                writeElement(writer, itemName, item);
            }
        } else if (value != null) {
            writer.writeCharacters(value.toString());
        }
        writer.writeEndElement();
    }
}
