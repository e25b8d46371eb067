package dev.reservation.web.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into a record, turning every Jackson failure into a field error with a
 * message meant for people (never a class name or a parser's source excerpt). Thread-safe.
 */
public final class JsonBodies {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws UnsupportedMediaTypeResponse when the body is not declared as JSON (this also keeps
     *         cross-site HTML forms, which cannot send {@code application/json}, away from the API)
     * @throws FieldErrorsException when the body is empty, malformed, or has unknown or mistyped fields
     */
    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaTypeResponse("send the body as JSON with Content-Type: application/json");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw FieldErrorsException.of("body", "the request body is empty; expected a JSON object");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw FieldErrorsException.of("body", "expected a JSON object, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known fields: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw FieldErrorsException.of(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'" + known);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw FieldErrorsException.of("body", "expected a JSON object with the documented fields");
            }
            throw FieldErrorsException.of(field, field + " has the wrong type: expected " + expected(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw FieldErrorsException.of("body", "malformed JSON" + where);
        } catch (IOException e) {
            throw FieldErrorsException.of("body", "the request body could not be read");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        return "a JSON " + (target.isArray() || Iterable.class.isAssignableFrom(target) ? "array" : "value of another shape");
    }
}
