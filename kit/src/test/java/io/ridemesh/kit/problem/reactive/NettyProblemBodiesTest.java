package io.ridemesh.kit.problem.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NettyProblemBodiesTest {

    @Test
    void fillsABareErrorWithAProblemBody() {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyProblemBodies.FillEmptyErrors());

        channel.writeOutbound(
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_URI_TOO_LONG));

        FullHttpResponse out = channel.readOutbound();
        assertThat(out.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(out.content().toString(StandardCharsets.UTF_8)).contains("\"status\":414");
        out.release();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aResponseTheCodecRefusesClosesTheConnectionInsteadOfLeavingTheClientWaiting() {
        // the codec's place: it fails the write, as HttpObjectEncoder does with a buffer released twice upstream
        ChannelOutboundHandlerAdapter refusingCodec = new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
                promise.setFailure(new EncoderException("refCnt: 0, decrement: 1"));
            }
        };
        EmbeddedChannel channel = new EmbeddedChannel(refusingCodec, new NettyProblemBodies.FillEmptyErrors());

        channel.writeAndFlush(
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), channel.voidPromise());
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }
}
