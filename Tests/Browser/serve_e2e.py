#!/usr/bin/env python3
"""End-to-end test of `subsidy serve` in headless Chromium (selenium + Debian's chromedriver).

Starts the built `subsidy serve --port 0` on 127.0.0.1, fills the form, answers two questions,
checks that the verdict changed, downloads the YAML and checks that `subsidy validate` accepts it.
Usage: serve_e2e.py SUBSIDY_BINARY [SCREENSHOT.png]
Prints 'N passed, N failed' and exits non-zero when a check failed.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BINARY = os.path.abspath(sys.argv[1])
SCREENSHOT = sys.argv[2] if len(sys.argv) > 2 else None
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {name}")
    else:
        failed += 1
        print(f"FAILED - {name} {detail}")


def start_server():
    server = subprocess.Popen([BINARY, "serve", "--host", "127.0.0.1", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit(f"subsidy serve did not start: {line!r}")
    return server, f"http://127.0.0.1:{match.group(1)}/"


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2400",
                "--lang=en-US", "--disable-gpu"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def ready(driver):
    """Waits until the page has shown the classification of the last edit."""
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready")


def verdicts(driver):
    """{regime: category} as the page shows them (read in one step, after the page is ready)."""
    ready(driver)
    return driver.execute_script(
        "var out = {}; document.querySelectorAll('#verdicts .verdict').forEach(function (c) {"
        " out[c.getAttribute('data-regime')] = c.className.split('cat-').pop(); }); return out;")


def set_value(driver, element_id, value):
    """Date inputs: typing depends on the browser's locale, so the value is set as a user's pick would."""
    element = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def answer(driver, wait, fact, value):
    """Clicks the answer `value` of the question on `fact` and waits for the new verdict."""
    ready(driver)
    old = driver.find_element(By.ID, "memo").text
    item = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#questions .question[data-fact="{fact}"]')))
    item.find_element(By.CSS_SELECTOR, f'button.answer[data-answer="{value}"]').click()
    ready(driver)
    wait.until(lambda d: d.find_element(By.ID, "changes").get_attribute("hidden") is None
               and d.find_element(By.ID, "memo").text != old)
    return fact


def main():
    server, url = start_server()
    downloads = tempfile.mkdtemp(prefix="subsidy-e2e-")
    driver = browser(downloads)
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(url)
        wait.until(EC.presence_of_element_located((By.ID, "f-id")))
        check("the form is generated from the schema", len(driver.find_elements(By.CSS_SELECTOR, "#measure-form .field")) > 20)
        help_text = driver.find_element(By.CSS_SELECTOR, '[data-path="benefit"] .help').text
        check("each field shows its description as help", len(help_text) > 10, help_text)

        # Fill the form as a drafter would.
        set_value(driver, "as-of", "2027-03-01")
        driver.find_element(By.ID, "f-id").send_keys("KZ-E2E-2027-001")
        driver.find_element(By.ID, "f-title").send_keys("Grant to makers of household refrigerators")
        driver.find_element(By.ID, "f-member_state").send_keys("KZ")
        driver.find_element(By.ID, "f-legal_basis").send_keys("Draft Order on industrial support")
        for group in ["granting_body", "period", "goods", "amount"]:
            box = driver.find_element(By.CSS_SELECTOR, f'details[data-path="{group}"]')
            if not box.get_attribute("open"):
                box.find_element(By.TAG_NAME, "summary").click()
        Select(driver.find_element(By.ID, "f-granting_body-kind")).select_by_value("government")
        Select(driver.find_element(By.ID, "f-granting_body-level")).select_by_value("national")
        driver.find_element(By.ID, "f-granting_body-name").send_keys("Ministry of Industry")
        set_value(driver, "f-period-from", "2027-01-01")
        driver.find_element(By.ID, "f-goods-hs").send_keys("8418")
        driver.find_element(By.ID, "f-forms-grant").click()
        driver.find_element(By.ID, "f-amount-value").send_keys("5000000000")
        driver.find_element(By.ID, "f-amount-currency").send_keys("KZT")

        wait.until(lambda d: len(verdicts(d)) == 2 and d.find_elements(By.CSS_SELECTOR, "#questions .question"))
        check("the filled form classifies without problems", driver.find_element(By.ID, "problems").get_attribute("hidden") is not None)
        before = verdicts(driver)
        check("both regimes get a verdict", set(before) == {"eaeu", "wto"}, str(before))
        check("the memo is shown", "EAEU" in driver.find_element(By.ID, "memo").text)
        undetermined = [r for r, c in before.items() if c == "undetermined"]
        check("each undetermined verdict links to its open questions", undetermined and
              len(driver.find_elements(By.CSS_SELECTOR, '.verdict.cat-undetermined a[href="#questions-panel"]')) == len(undetermined),
              str(before))

        # Answer three questions: the first one (best first) with "yes", then the local-content
        # condition with "in-law" and its scope with "national" (an EAEU member's content condition
        # that goods of other member states could meet is asked about first: review F11).
        first = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#questions .question")))
        answered = [answer(driver, wait, first.get_attribute("data-fact"), "true")]
        check("the first question is answered yes and classified again",
              driver.find_element(By.ID, f"f-{answered[0].replace('.', '-')}").get_attribute("value") == "true")
        answered.append(answer(driver, wait, "conditions.domestic_goods", "in-law"))
        answered.append(answer(driver, wait, "conditions.domestic_goods_scope", "national"))
        after = verdicts(driver)
        check("three different questions were answered", len(set(answered)) == 3, str(answered))
        check("the verdict changed", after != before, f"{before} -> {after}")
        check("WTO: a local-content condition in law is prohibited", after.get("wto") == "prohibited", str(after))
        check("what changed is shown", "→" in driver.find_element(By.ID, "changes").text,
              driver.find_element(By.ID, "changes").text)

        # Russian page strings.
        driver.find_element(By.ID, "lang-ru").click()
        check("the page switches to Russian", driver.find_element(By.CSS_SELECTOR, "h1").text == "Квалификация меры поддержки")
        check("the form keeps its open groups in Russian",
              driver.find_element(By.CSS_SELECTOR, 'details[data-path="goods"]').get_attribute("open") is not None)
        driver.find_element(By.ID, "lang-en").click()

        if SCREENSHOT:
            driver.save_screenshot(SCREENSHOT)

        # Download the measure as YAML and validate it.
        driver.find_element(By.ID, "download-yaml").click()
        path = os.path.join(downloads, "KZ-E2E-2027-001.yaml")
        deadline = time.time() + 15
        while not os.path.exists(path) and time.time() < deadline:
            time.sleep(0.2)
        check("the YAML is downloaded", os.path.exists(path), str(os.listdir(downloads)))
        if os.path.exists(path):
            result = subprocess.run([BINARY, "validate", path], capture_output=True, text=True)
            check("subsidy validate accepts the downloaded YAML", result.returncode == 0, result.stdout + result.stderr)
            text = open(path, encoding="utf-8").read()
            check("the answers are in the YAML", all(f.split(".")[-1] + ":" in text for f in answered), text)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
