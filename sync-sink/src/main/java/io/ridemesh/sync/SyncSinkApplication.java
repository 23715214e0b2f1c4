package io.ridemesh.sync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the sync-sink process (one per region). */
@SpringBootApplication
public class SyncSinkApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyncSinkApplication.class, args);
    }
}
