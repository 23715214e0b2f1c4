package io.ridemesh.dispatch.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the Lua scripts under {@code classpath:redis/}, each prefixed with the shared functions of {@code lib.lua}.
 * Scripts run with EVALSHA (Spring falls back to EVAL once per script and Redis restart). Stateless; thread-safe.
 */
public final class LuaScripts {

    private static final String LIB = read("lib");

    private LuaScripts() {}

    /** A script returning a status string. */
    public static RedisScript<String> text(String name) {
        return new DefaultRedisScript<>(LIB + "\n" + read(name), String.class);
    }

    /** A script returning an array (nested arrays come back as nested lists of strings). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RedisScript<List<Object>> list(String name) {
        return (RedisScript) new DefaultRedisScript<>(LIB + "\n" + read(name), List.class);
    }

    /** A script returning an integer. */
    public static RedisScript<Long> number(String name) {
        return new DefaultRedisScript<>(LIB + "\n" + read(name), Long.class);
    }

    private static String read(String name) {
        String path = "/redis/" + name + ".lua";
        try (InputStream in = LuaScripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script classpath:" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + path, e);
        }
    }
}
