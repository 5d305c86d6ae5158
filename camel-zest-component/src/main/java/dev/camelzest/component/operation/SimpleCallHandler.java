package dev.camelzest.component.operation;

import dev.camelzest.component.http.ZestRequest;

/** An operation without a request body: a GET or DELETE of one path, replying with one type. */
final class SimpleCallHandler implements ZestOperationHandler {

    private final String method;
    private final PathTemplate path;
    private final Authentication authentication;
    private final Class<?> replyType;

    private SimpleCallHandler(String method, String path, Authentication authentication, Class<?> replyType) {
        this.method = method;
        this.path = PathTemplate.of(path);
        this.authentication = authentication;
        this.replyType = replyType;
    }

    static SimpleCallHandler get(String path, Authentication authentication, Class<?> replyType) {
        return new SimpleCallHandler("GET", path, authentication, replyType);
    }

    static SimpleCallHandler delete(String path, Class<?> replyType) {
        return new SimpleCallHandler("DELETE", path, Authentication.REQUIRED, replyType);
    }

    @Override
    public void handle(ZestCall call) throws Exception {
        ZestRequest request = ZestRequest.builder(method, path.resolve(call))
                .authenticated(call.sendsToken(authentication))
                .build();
        call.reply(call.send(request), replyType);
    }
}
