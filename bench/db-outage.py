#!/usr/bin/env python3
"""Stops PostgreSQL while a write load runs against the service, starts it again, and counts what survived.

One writer sends POST /api/v1/conversations requests one after another for --seconds seconds (at most --max-requests
of them), each with a unique message and Idempotency-Key. After --stop-after seconds it runs --stop-command, waits
--down-seconds, and runs --start-command. When the load ends it reads the database and prints:

  - how many requests got 2xx (acknowledged), got 503 with problem details, or failed otherwise;
  - how many acknowledged conversations are stored (they must all be);
  - whether the service answered 2xx again after the database came back, without a restart.

Exits 0 when every acknowledged write is stored, every 503 carried application/problem+json and writes
succeeded after the restart; 1 otherwise. Sends traffic only to the loopback address given in --url.
"""
import argparse
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:18080", help="service base URL on loopback")
    parser.add_argument("--email", required=True, help="admin email")
    parser.add_argument("--password", required=True, help="admin password")
    parser.add_argument("--client-id", required=True, help="client of the agent and contact")
    parser.add_argument("--agent-id", required=True, help="agent of the conversations")
    parser.add_argument("--contact-id", required=True, help="contact of the conversations")
    parser.add_argument("--psql", required=True, help="psql connection string of the same database")
    parser.add_argument("--stop-command", required=True, help="shell command that stops PostgreSQL")
    parser.add_argument("--start-command", required=True, help="shell command that starts PostgreSQL")
    parser.add_argument("--seconds", type=float, default=45, help="duration of the write load, in seconds")
    parser.add_argument("--max-requests", type=int, default=5000, help="upper bound on requests sent")
    parser.add_argument("--stop-after", type=float, default=10, help="seconds of load before the stop")
    parser.add_argument("--down-seconds", type=float, default=10, help="seconds PostgreSQL stays stopped")
    arguments = parser.parse_args()
    host = urllib.parse.urlparse(arguments.url).hostname
    if host not in ("127.0.0.1", "localhost"):
        parser.error("--url must point at 127.0.0.1 or localhost, got " + arguments.url)
    return arguments


def login(arguments):
    body = json.dumps({"email": arguments.email, "password": arguments.password}).encode()
    request = urllib.request.Request(arguments.url + "/api/v1/auth/login", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["access_token"]


def send(arguments, token, marker):
    body = json.dumps({"client_id": arguments.client_id, "agent_id": arguments.agent_id,
                       "contact_id": arguments.contact_id, "message": marker, "response": "ok"}).encode()
    request = urllib.request.Request(arguments.url + "/api/v1/conversations", data=body, headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": marker})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", "")
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return None, str(error)


def outage(arguments, events):
    time.sleep(arguments.stop_after)
    events.append((time.monotonic(), "stop"))
    subprocess.run(arguments.stop_command, shell=True, check=True)
    time.sleep(arguments.down_seconds)
    subprocess.run(arguments.start_command, shell=True, check=True)
    events.append((time.monotonic(), "start"))


def stored_markers(arguments, run_id):
    query = "SELECT message FROM conversation WHERE message LIKE 'outage-{}-%'".format(run_id)
    output = subprocess.run(["psql", arguments.psql, "-Atc", query], check=True, capture_output=True, text=True)
    return set(line for line in output.stdout.splitlines() if line)


def main():
    arguments = parse_arguments()
    token = login(arguments)
    run_id = uuid.uuid4().hex[:8]
    events = []
    outage_thread = threading.Thread(target=outage, args=(arguments, events))
    outage_thread.start()

    acknowledged, unavailable, other = [], 0, {}
    problem_503 = True
    success_after_start = 0
    deadline = time.monotonic() + arguments.seconds
    sent = 0
    while time.monotonic() < deadline and sent < arguments.max_requests:
        marker = "outage-{}-{:06d}".format(run_id, sent)
        sent += 1
        status, content_type = send(arguments, token, marker)
        if status is not None and 200 <= status < 300:
            acknowledged.append(marker)
            if any(kind == "start" for _, kind in events):
                success_after_start += 1
        elif status == 503:
            unavailable += 1
            problem_503 = problem_503 and content_type.startswith("application/problem+json")
        else:
            other[str(status)] = other.get(str(status), 0) + 1
    outage_thread.join()

    stored = stored_markers(arguments, run_id)
    lost = [marker for marker in acknowledged if marker not in stored]
    print("requests sent:             {}".format(sent))
    print("acknowledged (2xx):        {}".format(len(acknowledged)))
    print("answered 503:              {} (all problem+json: {})".format(unavailable, problem_503))
    print("other answers:             {}".format(other or "none"))
    print("acknowledged and stored:   {}".format(len(acknowledged) - len(lost)))
    print("acknowledged but missing:  {}".format(len(lost)))
    print("stored without ack:        {}".format(len(stored) - (len(acknowledged) - len(lost))))
    print("2xx after the restart:     {}".format(success_after_start))
    ok = not lost and problem_503 and success_after_start > 0
    print("result:                    {}".format("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
