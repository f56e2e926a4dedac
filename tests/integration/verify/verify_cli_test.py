#!/usr/bin/env python3
"""onestop-verify against evidence bundles built from the generated test cards.

usage: verify_cli_test.py ONESTOP_VERIFY TESTCARDS_DIR

Builds each bundle the way a card read records it (EF.SOD and the data groups as files, base64),
signs the Active Authentication challenge SHA-256(challenge || origin)[:8] with the card's own AA
key (ECDSA, plain r || s), runs the CLI and checks its exit code and output. Needs Debian's
python3-cryptography (already required by the test-card generator).
"""
import base64
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

VERIFY, CARDS = sys.argv[1], sys.argv[2]
TRUST = os.path.join(CARDS, "trust")
CHALLENGE = "Zq3-_9AbCdEfGhIjKlMnOpQr"
ORIGIN = "https://dichvucong.example.vn"
failures = []


def b64(data):
    return base64.b64encode(data).decode()


def evidence(card, challenge=CHALLENGE, origin=ORIGIN, sign=True):
    folder = os.path.join(CARDS, card)
    groups = {}
    for n in range(1, 17):
        path = os.path.join(folder, f"EF.DG{n}.bin")
        if os.path.exists(path):
            groups[str(n)] = b64(open(path, "rb").read())
    bundle = {
        "format": "onestop-evidence/1", "readAt": "2026-01-01T00:00:00Z",
        "challenge": challenge, "origin": origin, "authentication": "BAC",
        "sod": b64(open(os.path.join(folder, "EF.SOD.bin"), "rb").read()),
        "dataGroups": groups,
        "chipAuthentication": {"result": "passed", "transferable": False},
    }
    if sign:
        key = serialization.load_pem_private_key(
            open(os.path.join(folder, "active-auth-key.pem"), "rb").read(), None)
        aa = hashlib.sha256((challenge + origin).encode()).digest()[:8]
        r, s = decode_dss_signature(key.sign(aa, ec.ECDSA(hashes.SHA256())))
        size = (key.curve.key_size + 7) // 8
        bundle["activeAuthentication"] = {
            "challenge": aa.hex().upper(),
            "signature": b64(r.to_bytes(size, "big") + s.to_bytes(size, "big"))}
    return bundle


def run(name, args, stdin, expected_code, must_contain=(), must_not_contain=()):
    done = subprocess.run([VERIFY, *args], input=stdin, capture_output=True, timeout=60)
    out = done.stdout.decode() + done.stderr.decode()
    problems = []
    if done.returncode != expected_code:
        problems.append(f"exit {done.returncode}, expected {expected_code}")
    problems += [f"output lacks {s!r}" for s in must_contain if s not in out]
    problems += [f"output shows {s!r}" for s in must_not_contain if s in out]
    print(("ok   " if not problems else "FAIL ") + name)
    if problems:
        failures.append(name)
        print("     " + "; ".join(problems) + "\n" + "\n".join("     | " + l for l in out.splitlines()))
    return out


def main():
    tmp = tempfile.mkdtemp(prefix="onestop-verify-test-")
    def save(name, document):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            json.dump(document, f)
        return path

    trust = ["--trust", TRUST]
    bound = ["--challenge", CHALLENGE, "--origin", ORIGIN]
    an = evidence("an-2021")
    an_id = json.load(open(os.path.join(CARDS, "an-2021", "card.json")))["qr2021"].split("|")[0]
    an_name = "Nguy"  # the start of every test citizen's name: never in the human summary

    # Accepted: the bare bundle, a card.read result and a JSON-RPC response carrying it.
    out = run("accepted: bare bundle, human summary", [*trust, *bound, save("an.json", an)], None, 0,
              ["ACCEPTED / CHẤP NHẬN"], [an_id, an_name])
    run("accepted: card.read result on stdin", [*trust, *bound, "-"],
        json.dumps({"readId": "r1", "evidence": an}).encode(), 0)
    run("accepted: JSON-RPC response", [*trust, *bound, save("rpc.json",
        {"jsonrpc": "2.0", "id": 1, "result": {"evidence": an}})], None, 0)
    out = run("accepted: --json carries the person", [*trust, *bound, "--json",
              save("an2.json", an)], None, 0, ['"accepted": true', an_id])
    document = json.loads(out)
    if document["verdict"]["failures"] != [] or document["person"] is None:
        failures.append("--json document")
        print("FAIL --json document:", document["verdict"]["failures"])
    for card in ("ngoc-2021-noexpiry", "minh-2024-child"):
        run(f"accepted: {card}", [*trust, *bound, save(f"{card}.json", evidence(card))], None, 0)
    run("rejected: read without AA on a chip with DG15", [*trust,
        save("unbound.json", evidence("an-2021", challenge="", sign=False))], None, 1,
        ["AA_NOT_PERFORMED"])
    qr = json.load(open(os.path.join(CARDS, "an-2021", "card.json")))["qr2021"]
    run("accepted: matching QR", [*trust, *bound, "--qr", qr, save("qr.json", an)], None, 0)
    tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).astimezone(
        datetime.timezone(datetime.timedelta(hours=7))).strftime("%Y-%m-%dT%H:%M:%S+07:00")
    run("accepted: --at tomorrow, Vietnamese offset", [*trust, *bound, "--at", tomorrow,
        save("at.json", an)], None, 0)

    # Rejected: the verdict fails (exit 1), with the reason printed.
    rejected = {
        "tampered-dg13": "HASH_MISMATCH", "tampered-dg2": "HASH_MISMATCH",
        "wrong-ds": "CHAIN_UNTRUSTED", "expired-ds": "DS_EXPIRED", "revoked-ds": "DS_REVOKED",
        "corrupt-signature": "SIGNATURE_INVALID", "truncated-sod": "SOD_MALFORMED",
        "malformed-dg13": "DG13_INVALID", "bad-mrz-check": "MRZ_INVALID",
    }
    for card, reason in rejected.items():
        run(f"rejected: {card}", [*trust, *bound, save(f"{card}.json", evidence(card))], None, 1,
            ["REJECTED / KHÔNG CHẤP NHẬN", reason])
    run("rejected: other challenge", [*trust, "--challenge", "anotherNonce0123456789", "--origin",
        ORIGIN, save("c.json", an)], None, 1, ["CHALLENGE_MISMATCH"])
    run("rejected: other origin", [*trust, "--challenge", CHALLENGE, "--origin",
        "https://attacker.example", save("o.json", an)], None, 1, ["ORIGIN_MISMATCH"])
    relayed = dict(an, origin="https://attacker.example")
    run("rejected: origin rewritten in the bundle", [*trust, "--challenge", CHALLENGE, "--origin",
        "https://attacker.example", save("relayed.json", relayed)], None, 1, ["BINDING_MISMATCH"])
    altered_qr = qr[: qr.rfind("|") + 1] + "10082020"
    run("rejected: QR with one field changed", [*trust, *bound, "--qr", altered_qr,
        save("qr2.json", an)], None, 1, ["QR_MISMATCH"], [an_id])
    run("rejected: CA failure claimed", [*trust, *bound, save("ca.json",
        dict(an, chipAuthentication={"result": "failed", "transferable": False}))], None, 1,
        ["CA_FAILED"])
    run("rejected: --at after the DS certificate's expiry", [*trust, *bound, "--at",
        "2090-01-01T00:00:00Z", save("late.json", an)], None, 1)
    run("rejected: --json", [*trust, *bound, "--json", save("t.json", evidence("tampered-dg13"))],
        None, 1, ['"accepted": false', "HASH_MISMATCH"])

    # Usage and input errors (exit 2), each with a clear message.
    good = save("good.json", an)
    run("usage: no --trust", [good], None, 2, ["--trust"])
    run("usage: unknown option", [*trust, "--frobnicate", good], None, 2, ["unknown option"])
    run("usage: bad challenge", [*trust, "--challenge", "short", good], None, 2, ["--challenge"])
    run("usage: bad --at", [*trust, "--at", "yesterday", good], None, 2, ["--at"])
    run("usage: bad --qr", [*trust, "--qr", "https://example.com", good], None, 2, ["--qr"])
    run("usage: trust dir missing", ["--trust", os.path.join(tmp, "nowhere"), good], None, 2)
    run("input: missing file", [*trust, os.path.join(tmp, "absent.json")], None, 2, ["cannot open"])
    run("input: not JSON", [*trust, "-"], b"{not json", 2, ["not valid JSON"])
    run("input: no evidence", [*trust, "-"], b'{"result": {"readId": "x"}}', 2, ["no evidence"])
    run("input: wrong format", [*trust, "-"], json.dumps(dict(an, format="x/9")).encode(), 2,
        ["evidence.format"])
    bad_groups = dict(an, dataGroups=dict(an["dataGroups"], **{"17": "AAAA"}))
    run("input: DG key 17", [*trust, "-"], json.dumps(bad_groups).encode(), 2, ["evidence.dataGroups"])
    run("input: bad base64", [*trust, "-"], json.dumps(dict(an, sod="@@@")).encode(), 2,
        ["evidence.sod"])
    bad_aa = dict(an, activeAuthentication=dict(an["activeAuthentication"], challenge="0011"))
    run("input: AA challenge not 8 bytes", [*trust, "-"], json.dumps(bad_aa).encode(), 2,
        ["evidence.activeAuthentication.challenge"])

    if failures:
        print(f"{len(failures)} case(s) failed: {', '.join(failures)}")
        return 1
    print("all onestop-verify cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
