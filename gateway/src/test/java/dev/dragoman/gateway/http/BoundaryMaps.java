package dev.dragoman.gateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A map unlike the example maps, for the boundary tests: a clinic calls a lab, which knows
 * patients by other ids and other names, and whose response rules name members that the
 * gateway's own problem documents also have ({@code title}, {@code detail}, {@code name}).
 */
final class BoundaryMaps {

    private BoundaryMaps() {
    }

    static Path write(int upstreamPort) {
        try {
            Path dir = Files.createTempDirectory("dragoman-boundary-maps");
            Files.writeString(dir.resolve("clinic.yaml"), """
                    contexts:
                      clinic: {description: Outpatient clinic}
                      lab:    {description: Pathology lab}

                    concepts:
                      patient:
                        keys: {clinic: [mrn, name], lab: [id, name]}
                        entries:
                          - clinic: {mrn: P-1, name: ann lee}
                            lab:    {id: 501, name: "anna lee & co"}
                          - clinic: {mrn: P-2, name: bob}
                            lab:    {id: 502, name: bobby}
                          - lab:    {id: 599, name: zed}

                    routes:
                      - id: clinic-to-lab
                        from: clinic
                        to: lab
                        path: /lab/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        request:
                          path-templates: ['/patients/{patient.mrn->id}/results', '/patients/{patient.mrn->id}']
                          query:   {patient: patient.mrn->id, name: patient.name}
                          headers: {X-Patient: patient.mrn->id}
                          body:
                            $.patient: patient.mrn->id
                            $..mrns: patient.mrn->id
                            $.items[*].mrn: patient.mrn->id
                        response:
                          headers: {X-Patient: patient.id->mrn}
                          body:
                            $.title: patient.name
                            $..detail: patient.name
                            $..name: patient.name
                            $.patient: patient.id->mrn
                            $.panels[*].patient: patient.id->mrn

                      - id: clinic-to-lab-lenient
                        from: clinic
                        to: lab
                        path: /lenient/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        on-unknown: pass
                        request:
                          path-templates: ['/patients/{patient.mrn->id}']
                          query: {patient: patient.mrn->id}
                          body: {$.patient: patient.mrn->id}
                        response:
                          headers: {X-Patient: patient.id->mrn}
                          body: {$.patient: patient.id->mrn}
                    """.formatted(upstreamPort));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
