// CSP Assistant on Azure: one Linux App Service (Node 22 LTS, Always On, ONE instance) running the
// bot as a user-assigned managed identity (no secret), and the Azure Bot with its Teams channel.
// The tab's SSO app registration is made by the Agents Toolkit (m365agents.yml, aadApp/create) or
// by hand, and passed in as tabSsoAppId. Deploy with:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json
// Why one instance: the store is a JSON file with a single writer (a lock file holds its pid), and
// the agenda reminders and weekly digest run inside that process; a second instance would write the
// same file and post every reminder twice. Scale up (a larger plan), never out.

@description('Prefix for every resource name (letters, digits, hyphens).')
@minLength(3)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan size: B1 is enough for a partnership; P0v3 for more headroom.')
param appServiceSku string = 'B1'

@description('Display name of the bot in Teams.')
param botDisplayName string = 'CSP Assistant'

@description('Client id of the app registration the Partnership tab signs members in with (Teams SSO).')
param tabSsoAppId string

@description('Microsoft Entra object ids of the bootstrap admins, comma-separated.')
param botAdmins string = ''

@description('Tenant ids whose members may use the bot and the tab, comma-separated; empty allows any.')
param allowedTenants string = subscription().tenantId

@description('Signs export links (32+ characters), so links survive restarts.')
@secure()
@minLength(32)
param exportSigningKey string

var webAppName = '${resourceBaseName}-app'
var hostName = '${webAppName}.azurewebsites.net'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-bot-identity'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: 1 // one instance: single store writer, in-process schedulers
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true // the reminder and digest schedulers live in the process
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      // The package is built before deployment (npm ci && npm run build && npm ci --omit=dev).
      appCommandLine: 'node dist/start.mjs'
      appSettings: [
        { name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~22' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        // /home is the App Service storage that survives restarts and redeployments.
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
        { name: 'DATA_FILE', value: '/home/data/store.json' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'TAB_SSO_APP_ID', value: tabSsoAppId }
        { name: 'PUBLIC_BASE_URL', value: 'https://${hostName}' }
        { name: 'BOT_NAME', value: botDisplayName }
        { name: 'BOT_ADMINS', value: botAdmins }
        { name: 'ALLOWED_TENANTS', value: allowedTenants }
        { name: 'EXPORT_SIGNING_KEY', value: exportSigningKey }
        { name: 'LOG_LEVEL', value: 'info' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Read by m365agents.yml (written to env/.env.<environment>) and by the manifest.
output BOT_ID string = identity.properties.clientId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output PUBLIC_HOSTNAME string = hostName
output BOT_ENDPOINT string = 'https://${hostName}/api/messages'
