package io.ridemesh.kit.problem.reactive;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.ridemesh.kit.problem.FrameworkProblems;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Gives reactor-netty's own refusals a problem body. Netty refuses some requests before WebFlux sees them (a request
 * line over the limit: 414, headers over the limit: 431, a request line it cannot parse: 400) and answers with a bare
 * status and no body; this customizer puts a handler behind the HTTP codec that fills such an answer (an error status,
 * no body, no content type) with the kit's problem for the status ({@link FrameworkProblems}), as
 * {@code application/problem+json}. Every other response passes untouched. A response that fails to be written closes
 * its connection (the client sees the failure at once instead of waiting for an answer that never ends). Apply it to every listener (a server
 * factory's customizers). Thread-safe (the handler is stateless and shared).
 */
public final class NettyProblemBodies implements NettyServerCustomizer {

    /** The handler's name in the channel pipeline. */
    public static final String HANDLER_NAME = "ridemesh.problemBodies";

    private static final ChannelHandler HANDLER = new FillEmptyErrors();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HANDLER_NAME) == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, HANDLER);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class FillEmptyErrors extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response
                    && response.status().code() >= 400
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                byte[] body =
                        FrameworkProblems.json(response.status().code(), null).getBytes(StandardCharsets.UTF_8);
                FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                filled.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                super.write(ctx, filled, closeOnFailure(promise));
                return;
            }
            super.write(ctx, msg, closeOnFailure(promise));
        }

        /**
         * A write that fails (the codec refused the message: an {@code IllegalReferenceCountException} from a buffer
         * released twice upstream was seen) closes the connection: otherwise the response never ends and the client
         * waits for it until its own timeout, or for ever.
         */
        private static ChannelPromise closeOnFailure(ChannelPromise promise) {
            return promise.unvoid().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
