package dev.camelzest.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Multipart uploads for the upload tests, built by HttpClient 5's MIME support. */
final class Multipart {

    private Multipart() {
    }

    /** Posts {@code fields} and, unless {@code content} is null, a {@code file} part of that content type. */
    static TestHttp.Response upload(String url, String token, byte[] content, String contentType, String fileName,
                                    Map<String, String> fields) {
        MultipartEntityBuilder body = MultipartEntityBuilder.create();
        fields.forEach((name, value) -> body.addTextBody(name, value, ContentType.TEXT_PLAIN));
        if (content != null) {
            body.addBinaryBody("file", content, ContentType.parse(contentType), fileName);
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("Authorization", "Bearer " + token);
        post.setEntity(body.build());
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            return client.execute(post, response -> new TestHttp.Response(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                    null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }
}
