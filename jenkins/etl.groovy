// What the Jenkins jobs of etl share, loaded by each of them: `def etl = load 'jenkins/etl.groovy'` (in a script block,
// from the job's checkout). See jenkins/README.md for the credentials.

// The credentials every job binds: the source, the warehouse, AWS unless the agent's instance role grants it
// (AWS_CREDENTIALS_ID = ''), and the alerts' webhook if Jenkins holds that credential.
List credentials() {
    def credentials = [
        string(credentialsId: 'etl-mongo-uri', variable: 'ETL_MONGO_URI'),
        string(credentialsId: 'etl-warehouse-url', variable: 'ETL_WAREHOUSE_URL'),
        usernamePassword(credentialsId: 'etl-warehouse', usernameVariable: 'ETL_WAREHOUSE_USER',
                passwordVariable: 'ETL_WAREHOUSE_PASSWORD'),
    ]
    if (env.AWS_CREDENTIALS_ID) {
        credentials << usernamePassword(credentialsId: env.AWS_CREDENTIALS_ID,
                usernameVariable: 'AWS_ACCESS_KEY_ID', passwordVariable: 'AWS_SECRET_ACCESS_KEY')
    }
    if (credentialExists(env.ALERT_WEBHOOK_CREDENTIALS_ID)) {
        credentials << string(credentialsId: env.ALERT_WEBHOOK_CREDENTIALS_ID, variable: 'ETL_ALERT_WEBHOOK')
    }
    return credentials
}

// Whether Jenkins holds a credential of that id: the optional ones (the alerts' webhook) are bound only if so.
boolean credentialExists(String id) {
    if (!id) {
        return false
    }
    try {
        withCredentials([string(credentialsId: id, variable: 'PROBE')]) {}
        return true
    } catch (org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException absent) {
        echo "no credential ${id}: no alerts"
        return false
    }
}

// The build result for each exit code of etl run (see README, "Exit codes"); lockedOut says what 4 means to the job.
void runResult(int code, String lockedOut) {
    switch (code) {
        case 0:
            break
        case 4:
            // another run holds the lock (a manual run or a backfill from a shell): nothing broke, so not red; but
            // yellow, because hour after hour of it means loads have stopped
            unstable(lockedOut)
            break
        case 6:
            // everything else loaded; the rejected documents are in etl_rejects with their reasons, for a person
            unstable("etl loaded the window but rejected documents: see the summary, etl-report.html or etl_rejects")
            break
        case 130:
        case 143:
            currentBuild.result = 'ABORTED'
            error("etl was interrupted (exit ${code}); the run is recorded as INTERRUPTED and the next one loads its window again")
            break
        case 2:
            error("etl exited 2: bad usage (check the parameters)")
            break
        case 3:
            error("etl exited 3: the run could not be planned: the warehouse did not answer (after the retries), missing input or a cycle; see the log")
            break
        case 5:
            error("etl exited 5: configuration error (check the credentials and settings)")
            break
        default:
            error("etl exited ${code}: a task failed; see the test results and etl-report.html")
    }
}

return this
