package io.ridemesh.infra.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One emulated wide-area link on 127.0.0.1: every connection to {@link #listenPort} is relayed to the connect port,
 * each chunk of bytes delivered {@code latency} plus or minus up to {@code jitter} after it arrived, in each direction,
 * and {@linkplain #partition() cut} at will.
 *
 * <p><b>Latency model.</b> A chunk's delivery time is fixed when it is read: {@code max(arrival + latency + jitter,
 * previous chunk's delivery)}, so bytes are never reordered, many chunks are in flight at once (as on a real path,
 * whose capacity is its bandwidth-delay product), and a byte read at time t is written at about t + latency whatever
 * else is queued. (NetCrusher's {@code DelayThrottler}, tried first, fixes a chunk's delay only when the previous one
 * has been written: measured here, an echo through 30 ms each way took 82-91 ms at p50 instead of 60, because every
 * chunk waited for the one before it.) What a connection holds in flight is bounded ({@value #MAX_IN_FLIGHT_BYTES}
 * bytes per direction): beyond it the link stops reading, and TCP flow control slows the sender.
 *
 * <p><b>Partition.</b> While cut, the link accepts no connection (they wait in the listen backlog), reads nothing and
 * delivers nothing: connections stay open and silent, as on a network that drops every packet, and clients notice
 * through their own timeouts. Healing delivers what was held, in order, and reading resumes.
 *
 * <p>Relaying is Netty's (one event loop per link's connections, shared through {@code group}); thread-safety:
 * {@link #partition()}, {@link #heal()} and {@link #close()} may be called from any thread.
 */
public final class WanLink implements AutoCloseable {

    /** The most bytes a connection holds in flight in one direction before the link stops reading it. */
    static final int MAX_IN_FLIGHT_BYTES = 4 << 20;

    private final int listenPort;
    private final int connectPort;
    private final long latencyNs;
    private final long jitterNs;
    private final EventLoopGroup group;
    private final Channel server;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private volatile boolean partitioned;

    /**
     * Opens the link.
     *
     * @param group the event loops of the link's connections (not closed by {@link #close()})
     * @param latencyMs one-way delay of every chunk, ms (0: relayed at once)
     * @param jitterMs the delay varies by up to this much either way, ms
     * @throws IllegalArgumentException if a latency is negative or the jitter exceeds the latency
     * @throws UncheckedIOException if {@code listenPort} cannot be bound
     */
    public WanLink(EventLoopGroup group, int listenPort, int connectPort, long latencyMs, long jitterMs) {
        if (latencyMs < 0 || jitterMs < 0 || jitterMs > latencyMs) {
            throw new IllegalArgumentException("latency and jitter must be >= 0 and jitter <= latency, but were "
                    + latencyMs + " ms and " + jitterMs + " ms");
        }
        this.group = group;
        this.listenPort = listenPort;
        this.connectPort = connectPort;
        this.latencyNs = TimeUnit.MILLISECONDS.toNanos(latencyMs);
        this.jitterNs = TimeUnit.MILLISECONDS.toNanos(jitterMs);
        try {
            this.server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel inbound) {
                            accepted(inbound);
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", listenPort))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(
                    new java.io.IOException("cannot bind the WAN link on 127.0.0.1:" + listenPort + ": " + e, e));
        }
    }

    /** One event loop for links, as {@link WanLink} wants them; the caller shuts it down. */
    public static EventLoopGroup eventLoops() {
        return new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
    }

    /** Where this link's clients connect. */
    public int listenPort() {
        return listenPort;
    }

    /** The open connections relayed now. */
    public int connections() {
        return relays.size();
    }

    /** Cuts the link (see the class); a no-op when cut. */
    public void partition() {
        partitioned = true;
        server.config().setAutoRead(false);
        // reading stops by not asking for more (auto-read is off); chunks that come due meanwhile are held
    }

    /** Restores the link, delivering what was held; a no-op when not cut. */
    public void heal() {
        partitioned = false;
        for (Relay relay : relays) {
            relay.inbound.eventLoop().execute(relay::resume);
        }
        server.config().setAutoRead(true);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        for (Relay relay : relays) {
            relay.inbound.close();
            if (relay.outbound != null) {
                relay.outbound.close();
            }
        }
    }

    private void accepted(SocketChannel inbound) {
        Relay relay = new Relay(inbound);
        relays.add(relay);
        inbound.closeFuture().addListener(f -> relays.remove(relay));
        new Bootstrap()
                .group(inbound.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInboundHandlerAdapter())
                .connect(new InetSocketAddress("127.0.0.1", connectPort))
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        inbound.close();
                        return;
                    }
                    relay.connected(f.channel());
                });
    }

    /** One relayed connection: both directions on the inbound channel's event loop. */
    private final class Relay {
        final Channel inbound;
        Channel outbound;
        Direction up;
        Direction down;

        Relay(Channel inbound) {
            this.inbound = inbound;
        }

        /** Event loop: the connection to the far side is up. */
        void connected(Channel outbound) {
            this.outbound = outbound;
            this.up = new Direction(inbound, outbound);
            this.down = new Direction(outbound, inbound);
            up.opposite = down;
            down.opposite = up;
            inbound.pipeline().addLast(up);
            outbound.pipeline().addLast(down);
            if (!partitioned) {
                inbound.read();
                outbound.read();
            }
        }

        void resume() {
            if (up != null) {
                up.resume();
                down.resume();
            }
        }
    }

    /** One direction of a relay: reads {@code from}, delivers to {@code to} after the latency. */
    private final class Direction extends ChannelInboundHandlerAdapter {
        private final Channel from;
        private final Channel to;
        /** Chunks read and not delivered yet, in order, each with its delivery time (System.nanoTime). */
        private final Queue<ByteBuf> inFlight = new ArrayDeque<>();

        private final Queue<Long> dueNs = new ArrayDeque<>();
        /** Chunks whose delivery came due while the link was cut, in order. */
        private final Queue<ByteBuf> held = new ArrayDeque<>();
        /** The direction that writes to {@code from}. */
        Direction opposite;

        private long lastDueNs;
        private long inFlightBytes;
        private boolean closeWhenDelivered;

        Direction(Channel from, Channel to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf chunk = (ByteBuf) msg;
            inFlightBytes += chunk.readableBytes();
            long now = System.nanoTime();
            long jitter = jitterNs == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterNs, jitterNs + 1);
            long due = Math.max(lastDueNs, now + latencyNs + jitter);
            lastDueNs = due;
            if (due <= now && inFlight.isEmpty()) {
                deliver(chunk);
                return;
            }
            // one queue per direction, drained in order: timers alone could fire two equal deadlines out of order
            boolean idle = inFlight.isEmpty();
            inFlight.add(chunk);
            dueNs.add(due);
            if (idle) {
                from.eventLoop().schedule(this::deliverDue, due - now, TimeUnit.NANOSECONDS);
            }
        }

        /** Delivers every chunk that is due, in order, and sets a timer for the next. */
        private void deliverDue() {
            long now = System.nanoTime();
            while (!inFlight.isEmpty() && dueNs.peek() <= now) {
                dueNs.poll();
                deliver(inFlight.poll());
            }
            if (!inFlight.isEmpty()) {
                from.eventLoop().schedule(this::deliverDue, dueNs.peek() - now, TimeUnit.NANOSECONDS);
            } else if (closeWhenDelivered) {
                closeIfDelivered();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            readIfAllowed();
        }

        private void deliver(ByteBuf chunk) {
            if (partitioned || !held.isEmpty()) {
                held.add(chunk);
                return;
            }
            int size = chunk.readableBytes();
            to.writeAndFlush(chunk).addListener(f -> {
                inFlightBytes -= size;
                readIfAllowed();
            });
        }

        private void readIfAllowed() {
            if (!partitioned && inFlightBytes < MAX_IN_FLIGHT_BYTES && to.isWritable() && from.isActive()) {
                from.read();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // this channel drained (or filled) its outbound buffer: the opposite direction writes to it
            opposite.readIfAllowed();
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            // the far side closed: close ours once what it sent before has been delivered
            closeWhenDelivered = true;
            closeIfDelivered();
        }

        private void closeIfDelivered() {
            if (!held.isEmpty() || !inFlight.isEmpty()) {
                return; // still travelling or held by a partition: deliverDue or resume closes it
            }
            to.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        void resume() {
            while (!held.isEmpty()) {
                ByteBuf chunk = held.poll();
                int size = chunk.readableBytes();
                to.writeAndFlush(chunk).addListener(f -> {
                    inFlightBytes -= size;
                    readIfAllowed();
                });
            }
            if (closeWhenDelivered) {
                closeIfDelivered();
            }
            readIfAllowed();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
            inFlight.forEach(ReferenceCountUtil::release);
            inFlight.clear();
            dueNs.clear();
        }
    }
}
