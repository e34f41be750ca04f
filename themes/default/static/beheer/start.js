// beheer.js starts the CMS itself, once it has the configuration the build made from the content model.
window.CMS_MANUAL_INIT = true;
